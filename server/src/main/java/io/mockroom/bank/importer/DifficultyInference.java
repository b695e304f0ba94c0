package io.mockroom.bank.importer;

import java.util.regex.Pattern;

/**
 * A difficulty for questions whose source does not state one: advanced when the prompt is about
 * the interpreter's machinery or concurrency internals, intermediate for the idioms a working
 * developer uses (or when only the answer touches the machinery), beginner otherwise. The result
 * is always marked inferred; a level a source states is never replaced by this.
 */
final class DifficultyInference {
  private DifficultyInference() {}

  private static final Pattern ADVANCED = Pattern.compile(
      "metaclass|descriptor|\\bgil\\b|global interpreter lock|__new__|\\bmro\\b|method resolution|memory manage"
          + "|garbage collect|weakref|__slots__|coroutine|event loop|asyncio|multiprocessing|concurrency|parallel"
          + "|monkey patch|bytecode|cython|typevar|protocol|generics|contextvar|design pattern|introspection"
          + "|__getattr|deadlock|race condition|memory leak",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern INTERMEDIATE = Pattern.compile(
      "decorator|generator|iterator|yield|closure|lambda|comprehension|context manager|with statement|\\*args|kwargs"
          + "|inherit|polymorph|staticmethod|classmethod|super\\(|property|mixin|abstract|dataclass|thread|async"
          + "|semaphore|lock|mock|pytest|unittest|unit test|fixture|regex|regular expression|virtual ?env|serializ"
          + "|pickl|deep ?copy|shallow|memoi[sz]|cach|duck typing|__str__|__repr__|magic method|dunder|functools"
          + "|itertools|collections|optimi[sz]|profil|orm\\b|sqlalchemy|celery|rest api|django|flask|pandas|numpy",
      Pattern.CASE_INSENSITIVE);

  static Difficulty infer(String prompt, String answer) {
    if (ADVANCED.matcher(prompt).find()) return Difficulty.ADVANCED;
    if (INTERMEDIATE.matcher(prompt).find()) return Difficulty.INTERMEDIATE;
    if (ADVANCED.matcher(answer).find()) return Difficulty.INTERMEDIATE;
    return Difficulty.BEGINNER;
  }
}
