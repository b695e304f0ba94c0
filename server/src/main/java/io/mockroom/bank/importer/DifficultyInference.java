package io.mockroom.bank.importer;

import java.util.regex.Pattern;

/**
 * A difficulty for questions whose source does not say: advanced when the question is about the
 * interpreter's machinery, intermediate for the idioms a working developer uses, else beginner.
 */
final class DifficultyInference {
  private DifficultyInference() {}

  private static final Pattern ADVANCED = Pattern.compile(
      "metaclass|descriptor|\\bgil\\b|global interpreter lock|__new__|\\bmro\\b|method resolution|c3|memory manage|garbage collect"
          + "|weakref|__slots__|coroutine|event loop|asyncio|multiprocessing|concurren|parallel|monkey patch|bytecode|cython"
          + "|typevar|protocol|generics|contextvar|design pattern|introspection",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern INTERMEDIATE = Pattern.compile(
      "decorator|generator|iterator|yield|closure|lambda|comprehension|context manager|with statement|\\*args|kwargs"
          + "|inherit|polymorph|staticmethod|classmethod|super\\(|property|mixin|abstract|dataclass|thread|async"
          + "|mock|pytest|unittest|fixture|regex|regular expression|virtual ?env|serializ|pickle|deep ?copy|shallow"
          + "|memoi[sz]|cach|duck typing|__str__|__repr__|magic method|dunder|functools|itertools|collections",
      Pattern.CASE_INSENSITIVE);

  static Difficulty infer(String prompt, String answer) {
    if (ADVANCED.matcher(prompt).find()) return Difficulty.ADVANCED;
    if (INTERMEDIATE.matcher(prompt).find()) return Difficulty.INTERMEDIATE;
    if (ADVANCED.matcher(answer).find()) return Difficulty.INTERMEDIATE;
    return Difficulty.BEGINNER;
  }
}
