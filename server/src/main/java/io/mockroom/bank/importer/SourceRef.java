package io.mockroom.bank.importer;

/** Where a question variant came from: a file and its position there ("12", "Q7", "OOP/3", "line 57"). */
public record SourceRef(String file, String position) {}
