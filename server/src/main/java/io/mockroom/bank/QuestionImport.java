package io.mockroom.bank;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mockroom.bank.AuthoredQuestions.Own;
import io.mockroom.bank.QuestionFile.Entry;
import io.mockroom.http.ApiError;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a file of questions into an organisation's own bank: each question is created, updates
 * the organisation's question with the same prompt, is unchanged, or is refused with the reason.
 *
 * <p>Invariants: every question passes the editor's validation ({@link QuestionDraft#validated});
 * all or nothing — one refusal and nothing is written; the writes are the editor's statements in
 * one transaction that holds the organisation's questions locked ({@link
 * AuthoredQuestions#inOneTransaction}); and importing the same file again changes nothing, not
 * even {@code updated_at} (an unchanged question is not written).
 *
 * <p>Matching: prompts compare ignoring case and runs of whitespace. Several questions may share a
 * prompt (the editor allows it: "Implement an LRU cache" in two topics), so matching pairs them
 * off: first each question of the file with an identical one of the bank, then the rest in order
 * (the file's first with the bank's oldest). That keeps a second import of any file — and of an
 * export of a bank with such twins — free of changes.
 */
public final class QuestionImport {
  private static final Logger log = LoggerFactory.getLogger(QuestionImport.class);
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
  private static final int SHOWN_PROMPT = 200;

  public static final String CREATED = "created";
  public static final String UPDATED = "updated";
  public static final String UNCHANGED = "unchanged";
  public static final String REFUSED = "refused";

  /**
   * What happens (dry run) or happened to one question of the file. {@code id}: the question it
   * updates or matches, or the one it created; null for a refusal and for a creation not done.
   * {@code changed}: for an update, the fields that differ ({@code prompt}, {@code topic},
   * {@code difficulty}, {@code keyPoints}, {@code answer}).
   */
  public record Outcome(int index, int line, String prompt, String outcome, String reason, List<String> changed, UUID id) {}

  public record Counts(int created, int updated, int unchanged, int refused) {}

  /**
   * The answer of an import. {@code imported}: whether it was written (never for a dry run or with
   * a refusal). {@code error}: only when a real import was refused, saying why in one sentence.
   */
  public record Report(boolean dryRun, boolean imported, String format, Counts counts, List<Outcome> questions,
                       @JsonInclude(JsonInclude.Include.NON_NULL) ApiError.Body.Detail error) {}

  /** One question of the file with what to do with it, and its validated fields (null when refused). */
  record Planned(Outcome outcome, QuestionDraft draft) {}

  private final AuthoredQuestions authored;

  public QuestionImport(AuthoredQuestions authored) {
    this.authored = authored;
  }

  /** Plans {@code file} against the organisation's own questions and, unless a dry run or refused, writes it as {@code authorId}. */
  public Future<Report> run(UUID organisationId, UUID authorId, QuestionFile.Read file, boolean dryRun) {
    return authored.inOneTransaction(organisationId, batch -> {
      List<Planned> plan = plan(file.questions(), batch.own());
      List<Outcome> outcomes = new ArrayList<>(plan.stream().map(Planned::outcome).toList());
      Counts counts = counts(outcomes);
      String format = file.format().wire;
      if (dryRun || counts.refused() > 0) {
        return Future.succeededFuture(new Report(dryRun, false, format, counts, outcomes, dryRun ? null : refusal(outcomes, counts)));
      }
      Future<Void> writes = Future.succeededFuture();
      for (int i = 0; i < plan.size(); i++) {
        int at = i;
        Planned p = plan.get(i);
        writes = switch (p.outcome().outcome()) {
          case CREATED -> writes.compose(v -> batch.create(authorId, p.draft())
              .map(id -> { outcomes.set(at, withId(p.outcome(), id)); return null; }));
          case UPDATED -> writes.compose(v -> batch.update(p.outcome().id(), p.draft()));
          default -> writes;
        };
      }
      return writes.map(v -> {
        log.info("Organisation {} imported {} questions from a {} file (account {}): {} created, {} updated, {} unchanged",
            organisationId, plan.size(), format, authorId, counts.created(), counts.updated(), counts.unchanged());
        return new Report(false, true, format, counts, List.copyOf(outcomes), null);
      });
    });
  }

  /** What each question of the file would do to {@code own} (the organisation's questions, oldest first), in the file's order. */
  static List<Planned> plan(List<Entry> file, List<Own> own) {
    Outcome[] out = new Outcome[file.size()];
    QuestionDraft[] drafts = new QuestionDraft[file.size()];
    for (int i = 0; i < file.size(); i++) {
      Entry e = file.get(i);
      if (e.problem() != null) {
        out[i] = new Outcome(e.index(), e.line(), null, REFUSED, e.problem(), List.of(), null);
        continue;
      }
      try {
        drafts[i] = e.draft().validated();
      } catch (ApiError refused) {
        out[i] = new Outcome(e.index(), e.line(), shown(e.draft().prompt()), REFUSED, refused.getMessage(), List.of(), null);
      }
    }
    Map<String, List<Own>> byPrompt = new LinkedHashMap<>();
    for (Own q : own) byPrompt.computeIfAbsent(key(q.draft().prompt()), k -> new ArrayList<>()).add(q);
    Set<UUID> taken = new HashSet<>();
    // First an identical question of the bank, then the oldest one left with that prompt, else a new one.
    for (int i = 0; i < file.size(); i++) {
      if (drafts[i] == null) continue;
      for (Own q : byPrompt.getOrDefault(key(drafts[i].prompt()), List.of())) {
        if (!taken.contains(q.id()) && q.draft().equals(drafts[i])) {
          taken.add(q.id());
          out[i] = decided(file.get(i), drafts[i], UNCHANGED, List.of(), q.id());
          break;
        }
      }
    }
    for (int i = 0; i < file.size(); i++) {
      if (drafts[i] == null || out[i] != null) continue;
      Own match = null;
      for (Own q : byPrompt.getOrDefault(key(drafts[i].prompt()), List.of())) {
        if (!taken.contains(q.id())) {
          match = q;
          break;
        }
      }
      if (match == null) {
        out[i] = decided(file.get(i), drafts[i], CREATED, List.of(), null);
      } else {
        taken.add(match.id());
        out[i] = decided(file.get(i), drafts[i], UPDATED, changes(match.draft(), drafts[i]), match.id());
      }
    }
    List<Planned> plan = new ArrayList<>();
    for (int i = 0; i < out.length; i++) plan.add(new Planned(out[i], drafts[i]));
    return plan;
  }

  /** A prompt as matching sees it: case and runs of whitespace do not count. */
  static String key(String prompt) {
    return WHITESPACE.matcher(prompt.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  private static Outcome decided(Entry e, QuestionDraft draft, String outcome, List<String> changed, UUID id) {
    return new Outcome(e.index(), e.line(), shown(draft.prompt()), outcome, null, changed, id);
  }

  private static Outcome withId(Outcome o, UUID id) {
    return new Outcome(o.index(), o.line(), o.prompt(), o.outcome(), o.reason(), o.changed(), id);
  }

  private static List<String> changes(QuestionDraft was, QuestionDraft now) {
    List<String> out = new ArrayList<>();
    if (!was.prompt().equals(now.prompt())) out.add("prompt");
    if (!was.topic().equals(now.topic())) out.add("topic");
    if (!was.difficulty().equals(now.difficulty())) out.add("difficulty");
    if (!was.keyPoints().equals(now.keyPoints())) out.add("keyPoints");
    if (!was.answer().equals(now.answer())) out.add("answer");
    return out;
  }

  private static Counts counts(List<Outcome> plan) {
    int created = 0, updated = 0, unchanged = 0, refused = 0;
    for (Outcome o : plan) {
      switch (o.outcome()) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        default -> refused++;
      }
    }
    return new Counts(created, updated, unchanged, refused);
  }

  /** "2 questions are refused (question 3, line 40: …; …). Nothing was imported: …" */
  private static ApiError.Body.Detail refusal(List<Outcome> plan, Counts counts) {
    List<String> first = plan.stream().filter(o -> o.outcome().equals(REFUSED)).limit(3)
        .map(o -> "question " + o.index() + ", line " + o.line() + ": " + o.reason()).toList();
    String more = counts.refused() > first.size() ? "; and " + (counts.refused() - first.size()) + " more" : "";
    return new ApiError.Body.Detail("questions_refused", (counts.refused() == 1 ? "1 question of the file is refused ("
        : counts.refused() + " questions of the file are refused (") + String.join("; ", first) + more
        + "). Nothing was imported: correct the file and import it again.");
  }

  private static String shown(String prompt) {
    if (prompt == null) return null;
    String p = prompt.strip();
    if (p.length() <= SHOWN_PROMPT) return p;
    int end = SHOWN_PROMPT - 1;
    if (Character.isHighSurrogate(p.charAt(end - 1))) end--; // not half an emoji
    return p.substring(0, end).stripTrailing() + "…";
  }
}
