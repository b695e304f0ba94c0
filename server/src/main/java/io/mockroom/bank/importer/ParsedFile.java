package io.mockroom.bank.importer;

import java.util.List;

/** What a parser found in one document. */
record ParsedFile(List<RawQuestion> questions, int junkRemoved, List<String> unplaced) {}
