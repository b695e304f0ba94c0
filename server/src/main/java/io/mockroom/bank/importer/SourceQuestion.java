package io.mockroom.bank.importer;

/**
 * One question as one source document asks it, cleaned. {@code difficultyInferred} and
 * {@code topicInferred} are true when the source did not state them (no level heading, label or
 * tag; no topic heading) and the importer inferred them.
 */
public record SourceQuestion(SourceRef ref, String prompt, String answerMarkdown, Difficulty difficulty,
                             boolean difficultyInferred, String topic, boolean topicInferred) {}
