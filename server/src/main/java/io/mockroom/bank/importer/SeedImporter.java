package io.mockroom.bank.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bank importer: parses each document with the parser its content calls for, cleans every
 * question, merges the same question asked in several places, and reports per file what it read.
 * Pure and deterministic: the same documents give the same result, whatever their order.
 */
public final class SeedImporter {
  private static final List<SourceParser> PARSERS = List.of(
      new GuideParser(), new QuestionAnswerBlocksParser(), new SectionedBulletsParser(),
      new NumberedSectionsParser(), new PlainPairsParser());

  private SeedImporter() {}

  public static ImportResult importAll(List<SeedDocument> docs) {
    List<SeedDocument> sorted = docs.stream().sorted(Comparator.comparing(SeedDocument::fileName)).toList();
    List<FileReport> reports = new ArrayList<>();
    List<SourceQuestion> all = new ArrayList<>();
    for (SeedDocument doc : sorted) {
      List<String> lines = List.of(doc.text().replace("\r\n", "\n").replace('\u00A0', ' ').split("\n", -1));
      SourceParser parser = PARSERS.stream().filter(p -> p.accepts(lines)).findFirst().orElseThrow();
      ParsedFile parsed = parser.parse(lines);
      int junk = parsed.junkRemoved();
      List<String> unplaced = new ArrayList<>(parsed.unplaced());
      for (RawQuestion raw : parsed.questions()) {
        MarkdownAnswer.Result answer = MarkdownAnswer.clean(raw.answerLines());
        junk += answer.junkRemoved();
        String prompt = MarkdownAnswer.prompt(raw.prompt());
        if (answer.markdown().isEmpty()) unplaced.add("question " + raw.position() + " has no answer: " + prompt);
        all.add(finish(new SourceRef(doc.fileName(), raw.position()), prompt, answer.markdown(), raw));
      }
      reports.add(new FileReport(doc.fileName(), parsed.questions().size(), junk, List.copyOf(unplaced)));
    }
    List<BankQuestion> questions = new ArrayList<>();
    for (List<Integer> group : DuplicateMerger.groups(all)) {
      questions.add(merge(group.stream().map(all::get).toList()));
    }
    return new ImportResult(List.copyOf(reports), List.copyOf(questions));
  }

  private static SourceQuestion finish(SourceRef ref, String prompt, String answer, RawQuestion raw) {
    var topic = TopicClassifier.fromHeading(raw.heading());
    Difficulty difficulty = raw.difficulty() != null ? raw.difficulty() : DifficultyInference.infer(prompt, answer);
    return new SourceQuestion(ref, prompt, answer, difficulty, raw.difficulty() == null,
        topic.orElseGet(() -> TopicClassifier.infer(prompt, answer)), topic.isEmpty());
  }

  /**
   * The richest variant leads (code first, then the longer answer, then source order); the
   * others' answers become alternates. Difficulty and topic come from a variant whose source
   * states them, when one does.
   */
  private static BankQuestion merge(List<SourceQuestion> variants) {
    SourceQuestion primary = variants.stream()
        .sorted(Comparator.comparing((SourceQuestion v) -> !v.answerMarkdown().contains("```"))
            .thenComparing(v -> -v.answerMarkdown().length()))
        .findFirst().orElseThrow();
    List<Alternate> alternates = variants.stream()
        .filter(v -> v != primary && !v.answerMarkdown().isEmpty())
        .map(v -> new Alternate(v.ref(), v.answerMarkdown()))
        .toList();
    SourceQuestion difficultySource = primary.difficultyInferred()
        ? variants.stream().filter(v -> !v.difficultyInferred()).findFirst().orElse(primary) : primary;
    SourceQuestion topicSource = primary.topicInferred()
        ? variants.stream().filter(v -> !v.topicInferred()).findFirst().orElse(primary) : primary;
    return new BankQuestion(primary.ref().file() + "#" + primary.ref().position(), primary.prompt(),
        primary.answerMarkdown(), alternates, difficultySource.difficulty(), difficultySource.difficultyInferred(),
        topicSource.topic(), topicSource.topicInferred(), KeyPoints.of(primary.prompt(), primary.answerMarkdown()),
        List.copyOf(variants));
  }

  /** The documents bundled in the jar ({@code seeds/index.txt} lists them). */
  public static List<SeedDocument> bundledSeeds() {
    List<SeedDocument> out = new ArrayList<>();
    for (String name : read("seeds/index.txt").split("\n")) {
      if (!name.isBlank()) out.add(new SeedDocument(name.strip(), read("seeds/" + name.strip())));
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = SeedImporter.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("Missing resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }
}
