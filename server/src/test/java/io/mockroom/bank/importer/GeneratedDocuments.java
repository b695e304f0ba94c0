package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random question sets written in each seed format, with or without junk between questions, for
 * the importer's invariants. Prompts and answers are built from a small vocabulary so that they
 * look like the real thing (questions end in "?", answers are statements, code has "# comments"
 * and numbered steps that must not be taken for questions or headings).
 */
final class GeneratedDocuments {
  record Item(String prompt, String answer, String code) {}

  enum Format { NUMBERED, GUIDE, CHAT, SECTIONED, PLAIN }

  private static final String[] SUBJECTS = {"the widget cache", "a frozen ledger", "the retry queue", "an event bus",
      "the plugin registry", "a bloom filter", "the config loader", "a rate limiter", "the task scheduler",
      "a ring buffer", "the audit log", "a connection pool", "the template engine", "a trie index"};
  private static final String[] ASKS = {"What is %s, and when would you reach for it?", "How do you build %s in Python?",
      "Why would a team replace %s?", "How can you test %s without a network?", "What goes wrong when %s grows?"};
  private static final String[] FACTS = {"It keeps recent results close to the caller.", "It trades memory for speed.",
      "Its state lives in one object that owns it.", "Tests can swap it for an in-memory fake.",
      "It fails loudly when its input is malformed.", "Its cost grows with the number of entries."};
  private static final String[] JUNK = {"I hope these questions help with your interview preparation!",
      "Certainly! Here are more questions on the same topic:", "____________________________________", "---",
      "If you'd like more questions, let me know!"};

  private GeneratedDocuments() {}

  static List<Item> items(Random random, int n) {
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String subject = SUBJECTS[random.nextInt(SUBJECTS.length)] + " number " + (i + 1);
      String prompt = String.format(ASKS[random.nextInt(ASKS.length)], subject);
      String answer = FACTS[random.nextInt(FACTS.length)] + " " + FACTS[random.nextInt(FACTS.length)];
      String code = random.nextBoolean() ? null
          : "# 1. build it\nitem_" + i + " = make(" + i + ")\n\n# What is this? A comment, not a question.\nprint(item_" + i + ")";
      out.add(new Item(prompt, answer, code));
    }
    return out;
  }

  static String render(Format format, List<Item> items, Random junk) {
    StringBuilder out = new StringBuilder();
    switch (format) {
      case NUMBERED -> out.append("Certainly! Here are some questions:\n\n### Basics\n\n");
      case GUIDE -> {
        out.append("<div align=\"center\">\n  <h1>Questions</h1>\n</div>\n\n---\n\n## Table of Contents\n\n");
        for (int i = 0; i < items.size(); i++) {
          out.append(i + 1).append(". [").append(items.get(i).prompt()).append("](#q").append(i + 1)
              .append(") <span class=\"beginner\">Beginner</span>\n");
        }
        out.append("\n---\n\n");
      }
      case CHAT -> out.append("Here are some Python interview questions with their answers.\n\n### Intermediate\n");
      case SECTIONED -> out.append("# Questions\n\n## 1. **Core Python**\n\n");
      case PLAIN -> { }
    }
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String n = Integer.toString(i + 1);
      switch (format) {
        case NUMBERED -> out.append(n).append(". ").append(it.prompt()).append("\n").append(it.answer()).append("\n")
            .append(code(it, "")).append("\n");
        case GUIDE -> out.append("### Q").append(n).append(": ").append(it.prompt()).append("\n\n**Difficulty**: Advanced\n\n")
            .append("**Strategy:**\n").append(it.answer()).append("\n\n").append(code(it, ""))
            .append("\n<div align=\"right\"><a href=\"#table-of-contents\">Back to Top ðŸ‘†</a></div>\n\n---\n\n");
        case CHAT -> out.append("**").append(n).append(". Question:**\n").append(it.prompt()).append("\n\n**Answer:**\n")
            .append(it.answer()).append("\n\n")
            .append(code(it, "<button class=\"flex\"><svg><path d=\"M16\"></path></svg>Copy code</button>"
                + (i % 2 == 0 ? "\n" : ""))); // chat exports sometimes glue the first code line to the button
        case SECTIONED -> out.append(n).append(". **").append(it.prompt()).append("**\n   - **Explanation:** ")
            .append(it.answer()).append("\n").append(indent(code(it, ""))).append("\n");
        case PLAIN -> out.append(it.prompt()).append("\n").append(random(junk) ? "\n" : "").append(it.answer()).append("\n")
            .append(code(it, "")).append("\n");
      }
      if (junk != null && i < items.size() - 1) {
        for (int k = junk.nextInt(3); k > 0; k--) out.append("\n");
        if (junk.nextBoolean()) out.append("\n").append(JUNK[junk.nextInt(JUNK.length)]).append("\n\n");
      }
    }
    if (junk != null) out.append("\nI hope these questions help!\n");
    return out.toString();
  }

  private static boolean random(Random junk) {
    return junk != null && junk.nextBoolean();
  }

  private static String code(Item it, String button) {
    // A non-empty button either ends its line or has the first line of code glued to it.
    return it.code() == null ? "" : "```python" + (button.isEmpty() ? "\n" : button) + it.code() + "\n```\n";
  }

  private static String indent(String text) {
    return text.isEmpty() ? "" : "   " + text.replace("\n", "\n   ").stripTrailing() + "\n";
  }
}
