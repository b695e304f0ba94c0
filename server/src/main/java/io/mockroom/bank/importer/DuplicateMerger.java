package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the same question asked in several places — across files or twice in one file.
 *
 * <p>The rule, on {@link PromptSignature#core}s: two prompts ask the same question when their
 * cores are equal, or — when neither is a comparison — when they share at least two terms and
 * overlap by at least {@link #THRESHOLD} (Jaccard). A comparison ("difference between X and Y",
 * "X vs Y") only merges with a comparison of exactly the same things: "list vs tuple" and
 * "list, tuple and set" and "sets vs lists" are three questions, while "deep copy vs shallow copy"
 * and "deepcopy vs copy" are one (the shallow side of a copy comparison is its angle, not its
 * subject).
 *
 * <p>Precision before recall: a wrong merge hides a question, a missed one only shows it twice.
 * (At 2/3 the seeds would also merge "file exceptions" with "exceptions during debugging", so the
 * threshold stays above it: 3 of 4 shared terms merge, 2 of 3 do not.)
 * So a group grows only by prompts that match every member already in it (complete linkage), and
 * prompts are considered in source order (file name, then position in file), which makes the
 * groups independent of the order documents were given in.
 */
final class DuplicateMerger {
  static final double THRESHOLD = 0.7;

  private DuplicateMerger() {}

  static boolean same(PromptSignature a, PromptSignature b) {
    // A prompt made only of filler ("What is Python, and what are its key features?") matches nothing.
    if (a.core().isEmpty() || b.core().isEmpty()) return false;
    if (a.core().equals(b.core())) return true;
    if (a.comparison() || b.comparison()) return false;
    Set<String> both = new TreeSet<>(a.core());
    both.retainAll(b.core());
    Set<String> either = new TreeSet<>(a.core());
    either.addAll(b.core());
    return both.size() >= 2 && (double) both.size() / either.size() >= THRESHOLD;
  }

  /** Groups of indexes into {@code questions} (given in source order), each group and the list in source order. */
  static List<List<Integer>> groups(List<SourceQuestion> questions) {
    List<PromptSignature> sigs = questions.stream().map(q -> PromptSignature.of(q.prompt())).toList();
    List<List<Integer>> groups = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      int n = i;
      List<Integer> home = null;
      for (List<Integer> g : groups) {
        if (g.stream().allMatch(j -> same(sigs.get(n), sigs.get(j)))) {
          home = g;
          break;
        }
      }
      if (home == null) groups.add(new ArrayList<>(List.of(i)));
      else home.add(i);
    }
    return groups;
  }
}
