package io.mockroom.bank;

import io.mockroom.bank.importer.BankQuestion;
import io.mockroom.bank.importer.FileReport;
import io.mockroom.bank.importer.ImportResult;
import io.mockroom.bank.importer.SeedDocument;
import io.mockroom.bank.importer.SourceQuestion;
import io.mockroom.bank.importer.SeedImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code bank report [FILE…]}: what an import of the bundled seeds (or of the given files) would
 * put in the bank — per file the questions read and merged, counts by difficulty and topic, the
 * merged groups, and any text that could not be placed — so a person can check it. Reads no
 * database.
 */
public final class BankReport {
  private BankReport() {}

  public static int run(List<String> args, PrintStream out) {
    if (args.isEmpty() || !args.get(0).equals("report")) {
      out.println("Usage: java -jar mockroom.jar bank report [FILE…]");
      return 2;
    }
    List<SeedDocument> docs = new ArrayList<>();
    for (String file : args.subList(1, args.size())) {
      try {
        Path p = Path.of(file);
        docs.add(new SeedDocument(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        out.println("Cannot read " + file + ": " + e.getMessage());
        return 1;
      }
    }
    if (docs.isEmpty()) docs = SeedImporter.bundledSeeds();
    print(SeedImporter.importAll(docs), out);
    return 0;
  }

  static void print(ImportResult result, PrintStream out) {
    Map<String, Long> merged = result.questions().stream()
        .filter(q -> q.variants().size() > 1)
        .flatMap(q -> q.variants().stream())
        .collect(Collectors.groupingBy(v -> v.ref().file(), TreeMap::new, Collectors.counting()));
    out.println("Files");
    int read = 0;
    for (FileReport f : result.files()) {
      read += f.questionsRead();
      out.printf("  %-28s %4d questions read, %3d merged with another, %3d junk fragments removed, %d unplaced%n",
          f.file(), f.questionsRead(), merged.getOrDefault(f.file(), 0L), f.junkRemoved(), f.unplaced().size());
    }
    out.printf("  %d questions read in all, %d in the bank after merging%n%n", read, result.questions().size());

    out.println("By difficulty");
    counts(result.questions(), q -> q.difficulty().label() + (q.difficultyInferred() ? " (inferred)" : ""), out);
    out.println("By topic");
    counts(result.questions(), q -> q.topic() + (q.topicInferred() ? " (inferred)" : ""), out);

    out.println("Merged groups");
    for (BankQuestion q : result.questions()) {
      if (q.variants().size() < 2) continue;
      out.println("  " + q.prompt());
      for (SourceQuestion v : q.variants()) {
        out.println("    - " + v.ref().file() + " #" + v.ref().position() + ": " + v.prompt());
      }
    }
    for (FileReport f : result.files()) {
      for (String text : f.unplaced()) out.println("Unplaced in " + f.file() + ": " + text);
    }
  }

  private static void counts(List<BankQuestion> qs, Function<BankQuestion, String> by, PrintStream out) {
    Map<String, Long> counts = qs.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting()));
    counts.forEach((k, n) -> out.printf("  %-40s %4d%n", k, n));
    out.println();
  }
}
