package io.mockroom.bank.importer;

import java.util.List;

/**
 * A question of the bank after merging: the reference answer first, the other sources' answers
 * as alternates, and every variant it was merged from. {@code key} is stable across re-imports
 * (the primary variant's file and position).
 */
public record BankQuestion(String key, String prompt, String answerMarkdown, List<Alternate> alternates,
                           Difficulty difficulty, boolean difficultyInferred, String topic, boolean topicInferred,
                           List<String> keyPoints, List<SourceQuestion> variants) {}
