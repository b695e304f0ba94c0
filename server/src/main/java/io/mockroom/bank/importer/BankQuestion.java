package io.mockroom.bank.importer;

import java.util.List;

/**
 * A question of the bank after merging: the reference answer (the richest variant's), the other
 * variants' answers as alternates (each with its source), and every variant it was merged from,
 * in source order. {@code key} is the first variant's "file#position": stable across re-imports
 * as long as that variant stays in its file. {@code keyPoints} are 2–5 one-line points derived
 * from the answers.
 */
public record BankQuestion(String key, String prompt, String answerMarkdown, List<Alternate> alternates,
                           Difficulty difficulty, boolean difficultyInferred, String topic, boolean topicInferred,
                           List<String> keyPoints, List<SourceQuestion> variants) {}
