package io.mockroom.bank.importer;

/**
 * Where a question variant came from: a file and its position there — the source's own number
 * ("12"), the guide's number ("Q7"), section and number ("2.3"), or the ordinal of a question in a
 * file without numbers ("5"). A position repeated within a file gets a suffix ("12~2").
 */
public record SourceRef(String file, String position) {}
