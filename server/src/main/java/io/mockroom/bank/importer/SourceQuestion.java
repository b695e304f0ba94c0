package io.mockroom.bank.importer;

/** One question as one source document asks it, cleaned. */
public record SourceQuestion(SourceRef ref, String prompt, String answerMarkdown, Difficulty difficulty,
                             boolean difficultyInferred, String topic, boolean topicInferred) {}
