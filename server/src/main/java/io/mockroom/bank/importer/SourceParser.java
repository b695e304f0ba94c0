package io.mockroom.bank.importer;

import java.util.List;

/**
 * One seed format. The importer asks every parser how many of its question markers a document has
 * and lets the one that recognises most parse it, so a renamed or edited file still parses with the
 * right parser. Parsers only cut the document into questions; cleaning is done afterwards for all
 * formats alike. Lines inside code fences are never structure: a "# comment" or "1. step" in code
 * neither starts a question nor a section.
 */
interface SourceParser {
  /** How many question markers of this format the document has (0: not this format). */
  int score(List<String> lines);

  ParsedFile parse(List<String> lines);
}
