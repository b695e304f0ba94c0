package io.mockroom.bank.importer;

import java.util.List;

/** What the importer did with one file: questions read, junk removed on purpose, text it could not place. */
public record FileReport(String file, int questionsRead, int junkRemoved, List<String> unplaced) {}
