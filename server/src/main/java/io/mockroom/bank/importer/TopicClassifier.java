package io.mockroom.bank.importer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a source heading onto {@link Topics#ALL}, and infers a topic for a question that has no
 * heading from keywords of its prompt, then of its answer. Rules are tried in order and the first
 * that matches wins, so the specific ones (decorators, generators, the GIL) come before the broad
 * ones (classes, lists, functions). Every topic produced is one of {@link Topics#ALL}.
 */
final class TopicClassifier {
  private TopicClassifier() {}

  static final String BASICS = "Python basics";

  private static final Map<Pattern, String> HEADINGS = new LinkedHashMap<>();
  private static final Map<Pattern, String> KEYWORDS = new LinkedHashMap<>();

  static {
    heading("\\bstandard librar", "Standard library");
    heading("\\bdata structure|\\balgorithm", "Data structures");
    heading("\\bobject oriented|\\boop\\b|\\bclasses\\b", "OOP");
    heading("\\bfunctional\\b|\\bfunctions\\b", "Functions & functional programming");
    heading("\\bdecorator", "Decorators");
    heading("\\bgenerator|\\biterator", "Iterators & generators");
    heading("\\bcontext manager", "Context managers");
    heading("\\berror|\\bexception", "Error handling");
    heading("\\bmodule|\\bpackag", "Modules & packaging");
    heading("\\bfile|\\bi o\\b", "Files & I/O");
    heading("\\basynchronous|\\basync|\\bconcurren|\\bparallel|\\bthread", "Concurrency");
    heading("\\bperformance|\\bmemory|\\boptimi", "Memory & performance");
    heading("\\btyping\\b|\\btype hint", "Typing");
    heading("\\btesting|\\bdebugging", "Testing & debugging");
    heading("\\bdata (processing|analysis|science)", "Data processing");
    heading("\\bweb\\b", "Web development");
    heading("\\blibrar|\\bframework|\\btools\\b", "Libraries & frameworks");
    heading("\\bbasics\\b", BASICS);

    rule("decorator", "Decorators");
    // A named built-in is the subject, whatever it is applied to ("use zip to iterate over lists").
    rule("\\bzip\\b|\\benumerate\\b", "Standard library");
    // How code is written and read, not what it does: docstrings, comments, style.
    rule("\\bdocument|docstring|\\bcomments?\\b|pep ?8|style guide|best practices|readab|string interpolation"
        + "|string formatting|f-strings?", BASICS);
    rule("`is`|\\bis and ==|== and is\\b|deep ?copy|shallow copy|\\bmutable|python 2|key features", BASICS);
    rule("generator|iterator|iterable|\\byield\\b|itertools|__iter__|__next__", "Iterators & generators");
    rule("context manager|with statement|`with`|__enter__|__exit__", "Context managers");
    rule("thread|asyncio|\\basync\\b|\\bawait\\b|concurren|parallel|multiprocess|\\bgil\\b|global interpreter lock"
        + "|celery|coroutine|event loop|contextvar|deadlock|race condition|semaphore|mutex", "Concurrency");
    rule("type hint|typing|typevar|protocol|mypy|generics?\\b|type safety|annotation|duck typing", "Typing");
    rule("memory|garbage|performance|optimi[sz]|__slots__|\\bslots\\b|cach|memoi[sz]|profil|\\bgc\\b|weakref|cyclic",
        "Memory & performance");
    rule("unit ?test|integration test|\\btests?\\b|testing|mock|pytest|debug|\\bpdb\\b|pylint|lint|breakpoint|assert"
        + "|coverage", "Testing & debugging");
    rule("exception|\\berrors?\\b|\\btry\\b|\\braise\\b|finally", "Error handling");
    rule("metaclass|descriptor|monkey patch|__new__|introspection|reflection|\\bmro\\b|method resolution|__getattr"
        + "|design pattern|singleton|dynamically create", "Advanced Python");
    rule("\\bclass(es)?\\b|inherit|\\bmethods?\\b|\\boop\\b|object-oriented|polymorph|encapsulat|mixin|super\\(|__init__"
        + "|abstract|dataclass|property|__str__|__repr__|dunder|magic method|instance|overrid|overload", "OOP");
    rule("flask|django|fastapi|\\bapi\\b|endpoint|\\bweb\\b|http|\\brest\\b|\\borm\\b|route|deploy", "Web development");
    rule("pandas|numpy|dataframe|vectori[sz]|broadcast|data (analysis|processing|cleaning|visuali[sz]ation)"
        + "|\\bcsv\\b|dataset|missing data|aggregat", "Data processing");
    rule("sqlalchemy|pydantic|celery|requests|library|libraries|framework|scikit|matplotlib|database",
        "Libraries & frameworks");
    rule("\\bfiles?\\b|open\\(|read(ing)? (from|a file)|write (to|a file)|json|pickl|serializ|\\bpath\\b|subprocess"
        + "|shell|\\bos\\b|shutil|directory|directories|readlines", "Files & I/O");
    // "module" alone, not a named one: "the `logging` module" is about logging, not packaging.
    rule("\\b(?:a|an|python|pythons|python[’']s|own|your|import|create)\\s+modules?\\b|^(?:what are )?modules\\b"
        + "|modules? and packages?|packag|import|\\bpip\\b|virtualenv|venv|virtual environment|dependenc|__name__"
        + "|sys\\.path|poetry", "Modules & packaging");
    rule("lambda|function|closure|partial|\\bmap\\b|filter|reduce|\\*args|kwargs|scope|walrus|recursion|higher-order"
        + "|functional", "Functions & functional programming");
    rule("\\blists?\\b|tuple|dict|\\bsets?\\b|stack|queue|heap|collections|counter|deque|linked list|array|sort"
        + "|\\bstrings?\\b|slic|data structure|palindrome|duplicates", "Data structures");
    rule("regex|regular expression|\\bre\\b module|datetime|logging|enum|\\bzip\\b|enumerate|argparse|command line"
        + "|sqlite|functools", "Standard library");
  }

  private static void heading(String regex, String topic) {
    HEADINGS.put(Pattern.compile(regex), topic);
  }

  private static void rule(String regex, String topic) {
    KEYWORDS.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), topic);
  }

  /** The vocabulary topic a source heading names, if it names one. */
  static Optional<String> fromHeading(String heading) {
    String h = " " + heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
    for (Map.Entry<Pattern, String> e : HEADINGS.entrySet()) {
      if (e.getKey().matcher(h).find()) return Optional.of(e.getValue());
    }
    return Optional.empty();
  }

  /**
   * A topic from keywords: the prompt decides when it can, the answer's prose otherwise (not its
   * code: a {@code ":memory:"} database or a {@code # docstring} comment says nothing about the
   * question); else the general "Python basics" — better than a wrong specific topic.
   */
  static String infer(String prompt, String answer) {
    for (String text : new String[] {prompt, prose(answer)}) {
      for (Map.Entry<Pattern, String> e : KEYWORDS.entrySet()) {
        if (e.getKey().matcher(text).find()) return e.getValue();
      }
    }
    return BASICS;
  }

  private static String prose(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean inFence = false;
    for (String line : markdown.split("\n")) {
      if (line.strip().startsWith("```")) inFence = !inFence;
      else if (!inFence) out.append(line).append('\n');
    }
    return out.toString();
  }
}
