package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a parser found in one document: its questions in document order, how many pieces of junk
 * it dropped on purpose between them, and the text it could place nowhere. Parsers fill it line
 * by line; {@link #add} keeps positions unique within the file (a number used twice gets a
 * suffix, "12" then "12~2"), because a source ref must name one question.
 */
final class ParsedFile {
  private final List<RawQuestion> questions = new ArrayList<>();
  private final List<String> unplaced = new ArrayList<>();
  private final Set<String> positions = new HashSet<>();
  private int junk;

  void add(String position, String prompt, List<String> answer, SectionHeading heading) {
    String unique = position;
    for (int n = 2; !positions.add(unique); n++) unique = position + "~" + n;
    questions.add(new RawQuestion(unique, prompt, List.copyOf(answer), heading == null ? SectionHeading.NONE : heading));
  }

  /** A line outside any question: blank lines are nothing, junk is counted, the rest is unplaced. */
  void stray(String line) {
    if (line.isBlank()) return;
    if (TextCleaner.isStrayJunk(line)) junk++;
    else unplaced.add(line.strip());
  }

  void junk() {
    junk++;
  }

  List<RawQuestion> questions() {
    return questions;
  }

  List<String> unplaced() {
    return unplaced;
  }

  int junkRemoved() {
    return junk;
  }
}
