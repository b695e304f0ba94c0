package io.mockroom.bank.importer;

import java.util.List;

/** The bundled seeds imported once per test run, with lookups by source ref. */
final class Seeds {
  static final String NUMBERED = "000_324a6ebb279cd104.txt";
  static final String GUIDE = "001_0fccfcb66529fb9e.txt";
  static final String CHAT = "002_71f2adf0333625cc.txt";
  static final String SECTIONED = "003_d2b1e66a207ca00c.txt";
  static final String PLAIN = "004_f6e4d58efeb91ce5.txt";

  private static ImportResult result;

  private Seeds() {}

  static synchronized ImportResult result() {
    if (result == null) result = SeedImporter.importAll(SeedImporter.bundledSeeds());
    return result;
  }

  /** The cleaned source question at file#position. */
  static SourceQuestion variant(String file, String position) {
    return result().questions().stream().flatMap(q -> q.variants().stream())
        .filter(v -> v.ref().equals(new SourceRef(file, position)))
        .findFirst().orElseThrow(() -> new AssertionError("no variant " + file + "#" + position));
  }

  /** The bank question that file#position was merged into. */
  static BankQuestion questionOf(String file, String position) {
    return result().questions().stream()
        .filter(q -> q.variants().stream().anyMatch(v -> v.ref().equals(new SourceRef(file, position))))
        .findFirst().orElseThrow(() -> new AssertionError("no question with " + file + "#" + position));
  }

  /** "file#position" of every variant of a question. */
  static List<String> refs(BankQuestion q) {
    return q.variants().stream().map(v -> v.ref().file() + "#" + v.ref().position()).toList();
  }

  static FileReport report(String file) {
    return result().files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
  }
}
