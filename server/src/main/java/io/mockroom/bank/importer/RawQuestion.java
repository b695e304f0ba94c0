package io.mockroom.bank.importer;

import java.util.List;

/**
 * A question as a parser cut it out of its document, before cleaning: the source's own difficulty
 * and topic heading where it has them (null where it does not).
 */
record RawQuestion(String position, String prompt, List<String> answerLines, Difficulty difficulty, String heading) {}
