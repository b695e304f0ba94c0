package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the same question asked in several places. Each prompt becomes a signature: its words,
 * lower-cased and lightly stemmed, with synonyms folded ("deepcopy" → deep copy, "context
 * managers"/"with statement" → contextmanager) and question filler removed ("what", "how do
 * you", "use", "explain", "python"…). Two prompts are the same question when their signatures are
 * equal, or overlap by at least {@link #THRESHOLD} (Jaccard) with at least two shared terms.
 *
 * <p>Precision before recall: a wrong merge hides a question, a missed one only shows it twice.
 * Groups are built by linking each prompt to the first earlier prompt it matches (no chains
 * through a third prompt that matches neither end).
 */
final class DuplicateMerger {
  static final double THRESHOLD = 0.7;

  private static final Set<String> FILLER = Set.of(
      "what", "whats", "how", "do", "does", "you", "your", "can", "could", "would", "should", "is", "are", "a", "an", "the",
      "in", "of", "to", "and", "or", "for", "it", "its", "them", "they", "one", "python", "pythons", "use", "using", "used",
      "explain", "describe", "difference", "between", "work", "concept", "purpose", "why", "when", "which", "with", "from",
      "on", "by", "as", "be", "some", "their", "this", "that", "way", "ways", "give", "example", "define", "mean", "meant",
      "there", "other", "into", "about", "implement", "create", "handle", "s", "vs", "versus", "we", "i", "my", "role",
      "significance", "understand", "key", "feature", "features", "main", "differ", "different", "differs", "provide",
      "affect", "affects", "impact", "implication", "implications", "effect", "might", "types");

  /**
   * Words that say which aspect of a concept a prompt asks about ("… affect concurrency", "… in
   * file handling", "… of a nested object"). Two prompts about the same concept are compared
   * without them, as long as something else is left.
   */
  private static final Set<String> ASPECT = Set.of(
      "concurrency", "thread", "performance", "program", "code", "object", "nested", "true", "effective", "effectively",
      "project", "file", "handling", "shallow", "method", "regular", "instance", "module", "operation", "process",
      "function");

  private static final Map<String, String> PHRASES = new LinkedHashMap<>();

  static {
    PHRASES.put("with statement", "contextmanager");
    PHRASES.put("context managers", "contextmanager");
    PHRASES.put("context manager", "contextmanager");
    PHRASES.put("deepcopy", "deep copy");
    PHRASES.put("multi-threaded", "thread");
    PHRASES.put("deep-copy", "deep copy");
    PHRASES.put("global interpreter lock", "gil");
    PHRASES.put("method resolution order", "mro");
    PHRASES.put("multi-threading", "thread");
    PHRASES.put("multithreading", "thread");
    PHRASES.put("threading", "thread");
    PHRASES.put("static method", "staticmethod");
    PHRASES.put("class method", "classmethod");
    PHRASES.put("list comprehension", "listcomprehension");
    PHRASES.put("memory management", "memory manage");
    PHRASES.put("memory manager", "memory manage");
    PHRASES.put("garbage collector", "garbage collect");
    PHRASES.put("garbage collection", "garbage collect");
    PHRASES.put("__str__", " str_dunder ");
    PHRASES.put("__repr__", " repr_dunder ");
    PHRASES.put("__init__", " init_dunder ");
    PHRASES.put("__new__", " new_dunder ");
    PHRASES.put("*args", " args ");
    PHRASES.put("**kwargs", " kwargs ");
  }

  private DuplicateMerger() {}

  static Set<String> signature(String prompt) {
    String p = " " + prompt.toLowerCase(Locale.ROOT).replace("`", "") + " ";
    for (Map.Entry<String, String> e : PHRASES.entrySet()) p = p.replace(e.getKey(), e.getValue());
    Set<String> out = new TreeSet<>();
    for (String w : p.split("[^a-z0-9_]+")) {
      if (w.isEmpty() || FILLER.contains(w)) continue;
      String stem = stem(w);
      if (!FILLER.contains(stem)) out.add(stem);
    }
    return out;
  }

  private static String stem(String w) {
    if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
    if (w.length() > 4 && w.endsWith("sses")) return w.substring(0, w.length() - 2);
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.substring(0, w.length() - 1);
    return w;
  }

  static boolean same(Set<String> fullA, Set<String> fullB) {
    Set<String> a = core(fullA);
    Set<String> b = core(fullB);
    if (a.isEmpty() || b.isEmpty()) return false;
    if (a.equals(b)) return true;
    Set<String> both = new TreeSet<>(a);
    both.retainAll(b);
    Set<String> either = new TreeSet<>(a);
    either.addAll(b);
    return both.size() >= 2 && (double) both.size() / either.size() >= THRESHOLD;
  }

  private static Set<String> core(Set<String> sig) {
    Set<String> core = new TreeSet<>(sig);
    core.removeAll(ASPECT);
    return core.isEmpty() ? sig : core;
  }

  /** Groups of indexes into {@code questions}, each group in source order, groups in order of first member. */
  static List<List<Integer>> groups(List<SourceQuestion> questions) {
    List<Set<String>> sigs = questions.stream().map(q -> signature(q.prompt())).toList();
    int[] root = new int[questions.size()];
    Arrays.fill(root, -1);
    Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
    for (int n = 0; n < questions.size(); n++) {
      int i = n;
      int found = -1;
      for (Map.Entry<Integer, List<Integer>> g : byRoot.entrySet()) {
        // Every member must match, so a group cannot drift from its first prompt.
        if (g.getValue().stream().allMatch(j -> same(sigs.get(i), sigs.get(j)))) {
          found = g.getKey();
          break;
        }
      }
      if (found < 0) byRoot.put(i, new ArrayList<>(List.of(i)));
      else byRoot.get(found).add(i);
    }
    return new ArrayList<>(byRoot.values());
  }
}
