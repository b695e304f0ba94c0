package io.mockroom.bank.importer;

/** One source document of the bank: its file name (the source's identity) and its text. */
public record SeedDocument(String fileName, String text) {}
