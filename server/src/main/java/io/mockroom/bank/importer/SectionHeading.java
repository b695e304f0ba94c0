package io.mockroom.bank.importer;

import java.util.Locale;
import java.util.Set;

/**
 * What a section heading of a source says about the questions under it: a level ("### Advanced",
 * "### Advanced Topics", "### Basics"), a topic ("### Web Development", "## 2. **OOP**"), both, or
 * neither. Either part is null when the heading does not state it.
 *
 * <p>"Basic" names a level; "Basics" also names a subject (the file that uses it lists "Basics"
 * beside "Data Structures" and "Web Development"), so it gives the topic "Python basics" too.
 * "Core Python" and "Advanced Topics" name no subject — their questions range from the GIL to
 * copying — so the topic of those questions is left to the classifier.
 */
record SectionHeading(Difficulty difficulty, String topic) {
  static final SectionHeading NONE = new SectionHeading(null, null);

  /** Words that qualify a level without changing it ("Advanced Topics", "Basic Questions"). */
  private static final Set<String> LEVEL_NOISE = Set.of("topics", "topic", "questions", "question", "level", "python",
      "concepts", "section");

  static SectionHeading of(String heading) {
    if (heading == null) return NONE;
    String text = heading.replace("*", "").replaceAll("^\\s*\\d+[.)]\\s*", "").strip();
    String lower = text.toLowerCase(Locale.ROOT);
    Difficulty level = null;
    StringBuilder rest = new StringBuilder();
    for (String word : lower.split("[^a-z]+")) {
      if (word.isEmpty() || LEVEL_NOISE.contains(word)) continue;
      var d = Difficulty.fromSource(word);
      if (d.isPresent() && level == null) level = d.get();
      else rest.append(word).append(' ');
    }
    String subject = rest.toString().strip();
    String topic = subject.isEmpty()
        ? lower.matches("(python )?basics") ? TopicClassifier.BASICS : null
        : TopicClassifier.fromHeading(subject).orElse(null);
    return new SectionHeading(level, topic);
  }

  boolean isEmpty() {
    return difficulty == null && topic == null;
  }
}
