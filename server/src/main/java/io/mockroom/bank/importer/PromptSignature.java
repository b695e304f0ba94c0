package io.mockroom.bank.importer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The key terms of a prompt, for telling whether two prompts ask the same question.
 *
 * <p>A prompt is lower-cased; its parenthetical asides ("(GIL)", "(yield)") and version numbers go;
 * a trailing "…affect concurrency" clause goes (the question is about X; the clause is its angle);
 * a trailing "…and how does it differ from Y" makes the prompt a comparison of X with Y (Y stays:
 * "generators vs lists" and "generators vs iterators" are two questions); curated phrases are folded to one term ("global
 * interpreter lock" → gil, "with statement"/"context managers" → contextmanager, "deepcopy" → deep
 * copy, {@code ==} and {@code is} → operators); then question filler ("what", "how do you",
 * "explain", "python"…) is dropped and words are lightly stemmed.
 *
 * <p>{@link #core} then removes words that only name a kind ("module", "function", "method")
 * and words that only name an angle ("nested", "shallow", "performance", "file"), each only when
 * something else is left — so "deepcopy vs copy in terms of performance" and "deep copy of a
 * nested object" both come down to {deep, copy}, while "How do you copy a file?" keeps {copy}. A
 * few named tools drop the words their own domain implies ({@link #IMPLIES}: pdb → debugging,
 * mock → tests and dependencies, zip → iterating over lists…), so "How do you debug code using
 * PDB?" and "What is `pdb`?" both come down to {pdb}.
 */
record PromptSignature(Set<String> terms, Set<String> core, boolean comparison) {

  private static final Set<String> FILLER = Set.of(
      "what", "whats", "how", "do", "does", "did", "you", "your", "can", "could", "would", "should", "is", "are", "was",
      "a", "an", "the", "in", "of", "to", "and", "or", "for", "it", "its", "them", "they", "their", "one", "python",
      "pythons", "use", "using", "used", "uses", "explain", "describe", "difference", "differences", "between", "differ",
      "different", "concept", "purpose", "why", "when", "which", "with", "from", "on", "by", "as", "be", "some", "this",
      "that", "give", "example", "define", "mean", "meant", "there", "other", "into", "about", "implement",
      "implemented", "create", "creat", "handl", "s", "vs", "versus", "we", "i", "my", "role", "significance",
      "understand", "key", "feature", "featur", "main", "provide", "provid", "might", "work", "working", "achieve",
      "achiev", "help", "common", "commonly", "typical", "typically", "new", "write", "writ", "build", "make", "mak",
      "perform", "such", "characteristic", "implication", "useful", "two", "if", "during", "happen",
      "many", "most", "best", "doe", "get", "tell", "us", "at", "manually");

  /** Words that only say what kind of thing the subject is. */
  private static final Set<String> KIND = Stream.of(
      "module", "function", "method", "class", "statement", "keyword", "library", "librari", "syntax", "signature",
      "attribute", "declaration", "operator", "object", "program", "code", "project", "application", "tool",
      "pattern", "item", "term").map(PromptSignature::stem).collect(Collectors.toSet());

  /** Words that only say which angle of the subject is asked about. */
  private static final Set<String> ANGLE = Stream.of(
      "performance", "memory", "optimize", "usage", "nested", "true", "effective", "effectively", "efficient",
      "efficiently", "file", "shallow", "regular", "instance", "operation", "web", "development", "heapq")
      .map(PromptSignature::stem).collect(Collectors.toSet());

  /**
   * A named tool or concept carries its own domain: with "pdb" in a prompt, "debugging" adds nothing
   * ("How do you debug code using PDB?" asks what "What is pdb?" asks). Each key, when present,
   * removes the terms it implies; the key itself stays, so a prompt never loses its subject.
   */
  private static final Map<String, Set<String>> IMPLIES = Map.of(
      "pdb", stems("debugging", "tools"),
      "mock", stems("testing", "tests", "unittest", "dependencies", "external"),
      "celery", stems("tasks", "asynchronous", "background", "processing"),
      "mro", stems("multiple", "inheritance"),
      "profil", stems("builtin", "tools"),
      "csv", stems("reading", "files"),
      "zip", stems("iterate", "over", "multiple", "lists"),
      "concurrency", stems("parallelism"),
      "fixtur", stems("scopes"),
      "dynamicclass", stems("runtime"));

  /** Curated phrases folded to one term; applied in this order. */
  private static final Map<String, String> PHRASES = new LinkedHashMap<>();

  static {
    PHRASES.put("global interpreter lock", " gil ");
    PHRASES.put("unittest.mock", " mock ");
    PHRASES.put("dynamically create classes", " dynamicclass ");
    PHRASES.put("dynamically create a new class", " dynamicclass ");
    PHRASES.put("dynamically create a class", " dynamicclass ");
    PHRASES.put("modify class behavior", " dynamicclass ");
    PHRASES.put("context managers", " contextmanager ");
    PHRASES.put("context manager", " contextmanager ");
    PHRASES.put("with-statement", " contextmanager ");
    PHRASES.put("with statement", " contextmanager ");
    PHRASES.put("deep-copy", " deep copy ");
    PHRASES.put("deepcopy", " deep copy ");
    PHRASES.put("multi-threading", " thread ");
    PHRASES.put("multithreading", " thread ");
    PHRASES.put("multi-threaded", " thread ");
    PHRASES.put("multithreaded", " thread ");
    PHRASES.put("threading", " thread ");
    PHRASES.put("multi-processing", " multiprocess ");
    PHRASES.put("multiprocessing", " multiprocess ");
    PHRASES.put("method resolution order", " mro ");
    PHRASES.put("static methods", " staticmethod ");
    PHRASES.put("static method", " staticmethod ");
    PHRASES.put("class methods", " classmethod ");
    PHRASES.put("class method", " classmethod ");
    PHRASES.put("list comprehensions", " listcomprehension ");
    PHRASES.put("list comprehension", " listcomprehension ");
    PHRASES.put("memory management", " memorymanagement ");
    PHRASES.put("memory manager", " memorymanagement ");
    PHRASES.put("garbage collection process", " garbagecollect ");
    PHRASES.put("garbage collector", " garbagecollect ");
    PHRASES.put("garbage collection", " garbagecollect ");
    PHRASES.put("magic methods", " magicmethod ");
    PHRASES.put("magic method", " magicmethod ");
    PHRASES.put("dunder methods", " magicmethod ");
    PHRASES.put("dunder method", " magicmethod ");
    PHRASES.put("virtual environments", " virtualenv ");
    PHRASES.put("virtual environment", " virtualenv ");
    PHRASES.put("venv", " virtualenv ");
    PHRASES.put("unit testing", " unittest ");
    PHRASES.put("unit tests", " unittest ");
    PHRASES.put("unit test", " unittest ");
    PHRASES.put("property decorator", " property ");
    PHRASES.put("asynchronous programming", " asyncio ");
    PHRASES.put("create and run", " create ");
    PHRASES.put("dependencies and packages", " dependencies ");
    PHRASES.put("execute", " run ");
    PHRASES.put("built-in", " builtin ");
    PHRASES.put("dictionaries", " dictionary ");
    PHRASES.put(" dicts ", " dictionary ");
    PHRASES.put(" apis ", " api ");
    PHRASES.put(" dict ", " dictionary ");
  }

  private static final Pattern DUNDER = Pattern.compile("__(\\w+?)__");
  private static final Pattern ASIDE = Pattern.compile("\\([^()]*\\)");
  /** "in Python 3.9+": a version qualifier, unlike "Python 2 and Python 3", which is the subject. */
  private static final Pattern VERSION = Pattern.compile("\\bpython\\s*\\d+(?:\\.\\d+)+\\+?|\\bpython\\s*\\d+\\+");
  /** "X and how does it differ from Y": a comparison of X with Y (group 1), or of the things named before it. */
  private static final Pattern DIFFER_TAIL = Pattern.compile(
      ",?\\s+and how (?:(?:is|are|do|does) )?(?:it|they) (?:differ|(?:is |are )?different)\\b(?:\\s+from\\s+(.*))?.*$");
  private static final Pattern EFFECT_TAIL = Pattern.compile("\\b(?:affects?|impacts?|improves?)\\b.*$");
  private static final Pattern COMPARISON = Pattern.compile("\\bdiffer|\\bvs\\.?\\b|\\bversus\\b|\\bcompare");

  static PromptSignature of(String prompt) {
    String p = " " + prompt.toLowerCase(Locale.ROOT).replace('’', '\'') + " ";
    boolean comparison = COMPARISON.matcher(p).find();
    p = p.replace("`is`", " isop ").replace("`", "").replace("@", " ");
    p = VERSION.matcher(p).replaceAll(" ");
    p = ASIDE.matcher(p).replaceAll(" ");
    // The thing X is compared with stays: "generators vs lists" and "generators vs iterators" are two questions.
    p = p.strip().replaceAll("[?.!]+$", "");
    Matcher differ = DIFFER_TAIL.matcher(p);
    if (differ.find()) p = p.substring(0, differ.start()) + (differ.group(1) != null ? " vs " + differ.group(1) : " ");
    p = EFFECT_TAIL.matcher(p).replaceAll(" ");
    p = " " + p.replace("==", " eqop ").replaceAll("\\s+", " ") + " ";
    p = p.replace("eqop and is ", "eqop and isop ").replace(" is and eqop", " isop and eqop");
    p = p.replaceAll("\\s+", " ");
    for (Map.Entry<String, String> e : PHRASES.entrySet()) p = p.replace(e.getKey(), e.getValue());
    // After the phrases, so that "`__str__` method" does not read as "dunder method".
    p = DUNDER.matcher(p).replaceAll(" $1dunder ");
    p = p.replaceAll("\\bslots\\b", "slotsdunder");
    Set<String> terms = new TreeSet<>();
    for (String w : p.split("[^a-z0-9_]+")) {
      if (w.isEmpty() || FILLER.contains(w)) continue;
      String stem = stem(w);
      if (!FILLER.contains(stem)) terms.add(stem);
    }
    return new PromptSignature(terms, core(terms), comparison);
  }

  private static Set<String> core(Set<String> terms) {
    Set<String> implied = new TreeSet<>();
    for (String t : terms) implied.addAll(IMPLIES.getOrDefault(t, Set.of()));
    terms = without(terms, implied);
    Set<String> withoutKind = without(terms, KIND);
    return without(withoutKind, ANGLE);
  }

  private static Set<String> stems(String... words) {
    return Stream.of(words).map(PromptSignature::stem).collect(Collectors.toSet());
  }

  private static Set<String> without(Set<String> terms, Set<String> drop) {
    Set<String> out = new TreeSet<>(terms);
    out.removeAll(drop);
    return out.isEmpty() ? terms : out;
  }

  /** Plural and -ing/-ed endings, enough to make "profiling" and "profile", "debugging" and "debug" meet. */
  static String stem(String w) {
    String s = w;
    if (s.length() > 4 && s.endsWith("ies")) s = s.substring(0, s.length() - 3) + "y";
    else if (s.length() > 4 && s.endsWith("sses")) s = s.substring(0, s.length() - 2);
    else if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() > 5 && s.endsWith("ing")) s = undouble(s.substring(0, s.length() - 3));
    else if (s.length() > 5 && s.endsWith("ed")) s = undouble(s.substring(0, s.length() - 2));
    if (s.length() > 4 && s.endsWith("e")) s = s.substring(0, s.length() - 1);
    return s;
  }

  private static String undouble(String s) {
    int n = s.length();
    return n > 3 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0 ? s.substring(0, n - 1) : s;
  }
}
