package io.mockroom.bank.importer;

import java.util.List;

/**
 * The one topic vocabulary every imported question uses, whatever file it came from, so a topic
 * filter works across sources. Source headings are mapped onto it; questions without a heading
 * are classified onto it ({@code TopicClassifier}).
 */
public final class Topics {
  private Topics() {}

  public static final List<String> ALL = List.of(
      "Python basics", "Data structures", "Functions & functional programming", "OOP", "Iterators & generators",
      "Decorators", "Context managers", "Error handling", "Modules & packaging", "Files & I/O", "Concurrency",
      "Memory & performance", "Typing", "Testing & debugging", "Standard library", "Data processing",
      "Web development", "Libraries & frameworks", "Advanced Python");
}
