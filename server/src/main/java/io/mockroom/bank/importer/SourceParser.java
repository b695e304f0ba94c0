package io.mockroom.bank.importer;

import java.util.List;

/** One seed format. Chosen by {@link #accepts} on the text, so a renamed or edited file still parses. */
interface SourceParser {
  boolean accepts(List<String> lines);

  ParsedFile parse(List<String> lines);
}
