package io.mockroom.bank.importer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One topic vocabulary for every file, so that a topic filter works across sources. A source
 * heading is mapped onto it; without a heading the topic is inferred from keywords of the prompt
 * (then of the answer), first rule that matches wins.
 */
final class TopicClassifier {
  private TopicClassifier() {}

  private static final Map<String, String> HEADINGS = new LinkedHashMap<>();
  private static final Map<Pattern, String> KEYWORDS = new LinkedHashMap<>();

  static {
    HEADINGS.put("core python", "Python basics");
    HEADINGS.put("basic", "Python basics");
    HEADINGS.put("data structure", "Data structures");
    HEADINGS.put("algorithm", "Data structures");
    HEADINGS.put("object-oriented", "OOP");
    HEADINGS.put("oop", "OOP");
    HEADINGS.put("functional", "Functions");
    HEADINGS.put("module", "Modules & packaging");
    HEADINGS.put("file", "Files & I/O");
    HEADINGS.put("data processing", "Data processing");
    HEADINGS.put("web", "Web development");
    HEADINGS.put("testing", "Testing & debugging");
    HEADINGS.put("debugging", "Testing & debugging");
    HEADINGS.put("asynchronous", "Concurrency");
    HEADINGS.put("concurrency", "Concurrency");
    HEADINGS.put("thread", "Concurrency");
    HEADINGS.put("performance", "Memory & performance");
    HEADINGS.put("librar", "Libraries & frameworks");
    HEADINGS.put("advanced", "Advanced Python");

    rule("decorator", "Decorators");
    rule("generator|iterator|iterable|yield|itertools|__iter__|__next__", "Iterators & generators");
    rule("thread|asyncio|async|await|concurren|parallel|multiprocess|\\bgil\\b|global interpreter lock|celery|coroutine|event loop|contextvar", "Concurrency");
    rule("type hint|typing|typevar|protocol|mypy|generics?\\b|type safety|annotation", "Typing");
    rule("memory|garbage|performance|optimi[sz]|__slots__|cach|memoi[sz]|profil|\\bgc\\b|weakref", "Memory & performance");
    rule("unit ?test|integration test|\\btest|mock|pytest|debug|\\bpdb\\b|pylint|lint", "Testing & debugging");
    rule("exception|\\berrors?\\b|try\\b|raise|finally", "Error handling");
    rule("context manager|with statement|\\bwith\\b", "Context managers");
    rule("metaclass|descriptor|monkey patch|__new__|introspection|reflection|\\bmro\\b|method resolution", "Advanced Python");
    rule("class|inherit|\\bmethod|\\boop\\b|object-oriented|polymorph|encapsulat|mixin|super\\(|__init__|abstract|dataclass|property|__str__|__repr__|dunder|magic method|instance", "OOP");
    rule("flask|django|fastapi|sqlalchemy|\\bapi\\b|endpoint|web|http|request", "Web development");
    rule("pandas|numpy|dataframe|vectori|broadcast|\\bdata (analysis|processing)|csv", "Data processing");
    rule("\\bfiles?\\b|open\\(|read(ing)? (from|a file)|write (to|a file)|json|pickle|serializ|\\bpath|subprocess|shell|\\bos\\b|shutil", "Files & I/O");
    rule("module|package|import|\\bpip\\b|virtualenv|venv|dependenc|__name__|pep ?8", "Modules & packaging");
    rule("\\blists?\\b|tuple|dict|\\bsets?\\b|stack|queue|heap|collections|counter|deque|linked list|array|sort|string|slic", "Data structures");
    rule("lambda|function|closure|partial|\\bmap\\b|filter|reduce|\\*args|kwargs|scope|walrus|recursion|comprehension", "Functions");
    rule("regex|regular expression|\\bre\\b module|datetime|logging|enum|zip|enumerate", "Standard library");
  }

  private static void rule(String regex, String topic) {
    KEYWORDS.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), topic);
  }

  static Optional<String> fromHeading(String heading) {
    if (heading == null) return Optional.empty();
    String h = heading.toLowerCase(Locale.ROOT);
    return HEADINGS.entrySet().stream().filter(e -> h.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
  }

  static String infer(String prompt, String answer) {
    for (String text : new String[] {prompt, answer}) {
      for (Map.Entry<Pattern, String> e : KEYWORDS.entrySet()) {
        if (e.getKey().matcher(text).find()) return e.getValue();
      }
    }
    return "Python basics";
  }
}
