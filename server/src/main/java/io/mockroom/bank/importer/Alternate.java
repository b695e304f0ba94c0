package io.mockroom.bank.importer;

/** Another source's answer to a merged question. */
public record Alternate(SourceRef source, String answerMarkdown) {}
