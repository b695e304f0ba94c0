package io.mockroom.bank.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The bank importer: each document is repaired (mojibake), cut into questions by the parser its
 * content calls for, each question is cleaned into Markdown and given a difficulty and a topic,
 * and the same question asked in several places becomes one bank question with every variant.
 *
 * <p>Pure and deterministic: no I/O but {@link #bundledSeeds}, no clock, no randomness, no hash
 * order. Documents are processed in file-name order, so the result does not depend on the order
 * they are given in, and importing the same documents twice gives equal results.
 */
public final class SeedImporter {
  /** Tried in this order when two parsers recognise the same number of questions. */
  private static final List<SourceParser> PARSERS = List.of(
      new GuideParser(), new ChatExportParser(), new SectionedBulletsParser(), new NumberedListParser());
  private static final SourceParser FALLBACK = new PlainPairsParser();

  private SeedImporter() {}

  /** Parses, cleans and merges the given documents. File names must be unique. */
  public static ImportResult importAll(List<SeedDocument> docs) {
    Set<String> names = new HashSet<>();
    for (SeedDocument d : docs) {
      if (!names.add(d.fileName())) throw new IllegalArgumentException("Two documents are named " + d.fileName());
    }
    List<SeedDocument> sorted = docs.stream().sorted(Comparator.comparing(SeedDocument::fileName)).toList();
    List<FileReport> reports = new ArrayList<>();
    List<SourceQuestion> all = new ArrayList<>();
    for (SeedDocument doc : sorted) {
      List<String> lines = lines(doc.text());
      ParsedFile parsed = parserFor(lines).parse(lines);
      int junk = parsed.junkRemoved();
      List<String> unplaced = new ArrayList<>(parsed.unplaced());
      for (RawQuestion raw : parsed.questions()) {
        MarkdownAnswer.Result answer = MarkdownAnswer.clean(raw.answerLines());
        junk += answer.junkRemoved();
        String prompt = MarkdownAnswer.prompt(raw.prompt());
        if (answer.markdown().isEmpty()) unplaced.add("#" + raw.position() + " has no answer: " + prompt);
        all.add(classify(new SourceRef(doc.fileName(), raw.position()), prompt, answer.markdown(), raw.heading()));
      }
      reports.add(new FileReport(doc.fileName(), parsed.questions().size(), junk, List.copyOf(unplaced)));
    }
    List<BankQuestion> questions = new ArrayList<>();
    for (List<Integer> group : DuplicateMerger.groups(all)) questions.add(merge(group.stream().map(all::get).toList()));
    return new ImportResult(List.copyOf(reports), List.copyOf(questions));
  }

  /** The document's lines: mojibake repaired, line endings and non-breaking spaces normalised. */
  static List<String> lines(String text) {
    String t = Mojibake.repair(text.replace("\uFEFF", "")).replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
    return List.of(t.split("\n", -1));
  }

  /** The parser that recognises most questions in the document; plain pairs when none does. */
  static SourceParser parserFor(List<String> lines) {
    SourceParser best = FALLBACK;
    int bestScore = 0;
    for (SourceParser p : PARSERS) {
      int score = p.score(lines);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  private static SourceQuestion classify(SourceRef ref, String prompt, String answer, SectionHeading heading) {
    Difficulty difficulty = heading.difficulty() != null ? heading.difficulty() : DifficultyInference.infer(prompt, answer);
    String topic = heading.topic() != null ? heading.topic() : TopicClassifier.infer(prompt, answer);
    return new SourceQuestion(ref, prompt, answer, difficulty, heading.difficulty() == null, topic, heading.topic() == null);
  }

  /**
   * One bank question from its variants (in source order). The richest answer leads — one with
   * real code (not only comments) first, then the longest, then the earliest — and the others
   * become alternates. The key is the first variant's ref, so it does not move when an answer is
   * edited; it moves only if that variant leaves its file.
   *
   * <p>Difficulty: the most common among the variants whose source states one (earliest on a
   * tie); only when none states one, the lead variant's inferred level. Topic: the most common
   * among all variants, stated or inferred (on a tie a stated one, then the earliest) — a lone
   * heading such as "Performance Optimization" over one of seven copy questions should not make
   * "deep vs shallow copy" a performance question. It counts as stated when any variant's heading
   * stated it.
   */
  private static BankQuestion merge(List<SourceQuestion> variants) {
    SourceQuestion primary = variants.get(0);
    for (SourceQuestion v : variants) {
      if (richness(v) > richness(primary)) primary = v;
    }
    SourceQuestion lead = primary;
    List<Alternate> alternates = variants.stream()
        .filter(v -> v != lead)
        .map(v -> new Alternate(v.ref(), v.answerMarkdown()))
        .toList();
    Difficulty difficulty = mostCommonStated(variants, SourceQuestion::difficultyInferred, SourceQuestion::difficulty);
    String topic = mostCommonTopic(variants);
    boolean topicStated = variants.stream().anyMatch(v -> !v.topicInferred() && v.topic().equals(topic));
    SourceRef first = variants.get(0).ref();
    return new BankQuestion(first.file() + "#" + first.position(), lead.prompt(), lead.answerMarkdown(), alternates,
        difficulty != null ? difficulty : lead.difficulty(), difficulty == null, topic, !topicStated,
        KeyPoints.of(lead.prompt(), lead.answerMarkdown(), alternates.stream().map(Alternate::answerMarkdown).toList()),
        List.copyOf(variants));
  }

  /** Real code outweighs any length of prose; length breaks ties. */
  private static long richness(SourceQuestion q) {
    return (hasRealCode(q.answerMarkdown()) ? 1_000_000L : 0L) + q.answerMarkdown().length();
  }

  private static boolean hasRealCode(String markdown) {
    boolean inFence = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        inFence = !inFence;
      } else if (inFence && !line.isBlank() && !line.strip().startsWith("#")) {
        return true;
      }
    }
    return false;
  }

  private static <T> T mostCommonStated(List<SourceQuestion> variants, Function<SourceQuestion, Boolean> inferred,
                                        Function<SourceQuestion, T> value) {
    Map<T, Integer> votes = new LinkedHashMap<>(); // insertion order = source order, for ties
    for (SourceQuestion v : variants) {
      if (!inferred.apply(v)) votes.merge(value.apply(v), 1, Integer::sum);
    }
    T best = null;
    int bestVotes = 0;
    for (Map.Entry<T, Integer> e : votes.entrySet()) {
      if (e.getValue() > bestVotes) {
        best = e.getKey();
        bestVotes = e.getValue();
      }
    }
    return best;
  }

  private static String mostCommonTopic(List<SourceQuestion> variants) {
    Map<String, int[]> votes = new LinkedHashMap<>(); // [votes, stated votes]; insertion order = source order
    for (SourceQuestion v : variants) {
      int[] n = votes.computeIfAbsent(v.topic(), t -> new int[2]);
      n[0]++;
      if (!v.topicInferred()) n[1]++;
    }
    String best = null;
    int[] bestVotes = {0, 0};
    for (Map.Entry<String, int[]> e : votes.entrySet()) {
      int[] n = e.getValue();
      if (n[0] > bestVotes[0] || n[0] == bestVotes[0] && bestVotes[1] == 0 && n[1] > 0) {
        best = e.getKey();
        bestVotes = n;
      }
    }
    return best;
  }

  /** The documents bundled in the jar, in the order {@code seeds/index.txt} lists them. */
  public static List<SeedDocument> bundledSeeds() {
    List<SeedDocument> out = new ArrayList<>();
    for (String name : read("seeds/index.txt").split("\n")) {
      String n = name.strip();
      if (!n.isEmpty() && !n.startsWith("#")) out.add(new SeedDocument(n, read("seeds/" + n)));
    }
    return List.copyOf(out);
  }

  private static String read(String resource) {
    try (InputStream in = SeedImporter.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("Missing classpath resource " + resource + " (is seeds/index.txt up to date?)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read classpath resource " + resource, e);
    }
  }
}
