package io.mockroom.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.review.Transcript.QuestionAsked;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human exports of a session: a Markdown transcript, and scores as CSV rows. In the Markdown,
 * what people typed (names, titles, chat, notes, summaries, key points) is escaped so that it reads
 * as the text it was, never as formatting or HTML; prompts keep their `code` spans (as the app shows
 * them); answers sit in a fence longer than any backtick run inside them.
 */
public final class Exports {
  static final String SCORES_NOT_OPEN = "Scores and recommendations are shown once every interviewer who scored has submitted, "
      + "or the session has ended.";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'");
  /** A UTF-8 byte order mark: without it, Excel reads a CSV as the local code page ("ZoÃ«"). */
  public static final String CSV_BOM = "\uFEFF";
  /** Characters that start inline Markdown or HTML wherever they stand (CommonMark's backslash escapes). */
  private static final Pattern SIGNIFICANT = Pattern.compile("[\\\\`*_\\[\\]<>&|~#]");
  private static final Pattern CODE_SPAN = Pattern.compile("(?<!`)(`+)(?!`)(.+?)(?<!`)\\1(?!`)");
  private static final Pattern BACKTICKS = Pattern.compile("`+");
  private static final Map<String, String> RECOMMENDATION = Map.of(
      "strong_no", "Strong no", "no", "No", "yes", "Yes", "strong_yes", "Strong yes");

  private Exports() {}

  public static String markdown(Transcript t) {
    StringBuilder md = new StringBuilder();
    var s = t.session();
    md.append("# ").append(text(s.title())).append("\n\n");
    md.append("- Candidate: ").append(text(s.candidateName())).append(s.candidateEmail() == null ? "" : " (" + text(s.candidateEmail()) + ")").append('\n');
    md.append("- Interviewers: ").append(text(String.join(", ", t.participants().stream()
        .filter(p -> !p.role().equals("candidate")).map(Transcript.Person::name).toList()))).append('\n');
    if (s.startedAt() != null) md.append("- Started: ").append(time(s.startedAt())).append('\n');
    if (s.durationSeconds() != null) md.append("- Duration: ").append(s.durationSeconds() < 60 ? s.durationSeconds() + " s" : Math.round(s.durationSeconds() / 60.0) + " min").append('\n');
    md.append('\n');
    int n = 1;
    for (QuestionAsked q : t.questions()) {
      md.append("## ").append(n++).append(". ").append(prompt(q.prompt())).append("\n\n");
      md.append("*").append(text(q.topic() == null ? "" : q.topic())).append(" · ").append(text(q.difficulty() == null ? "" : q.difficulty()))
          .append(" · ").append(spent(q.secondsSpent())).append("*\n\n");
      md.append("### Final answer\n\n");
      if (q.finalAnswer().isEmpty()) {
        md.append("*No answer*\n\n");
      } else {
        String fence = fence(q.finalAnswer());
        md.append(fence).append("python\n").append(q.finalAnswer()).append(q.finalAnswer().endsWith("\n") ? "" : "\n").append(fence).append("\n\n");
      }
      List<Transcript.Score> scores = t.scores().stream().filter(sc -> sc.questionId().equals(q.questionId())).toList();
      if (!scores.isEmpty()) {
        md.append("### Scores\n\n");
        for (Transcript.Score sc : scores) {
          md.append("- ").append(text(sc.name())).append(": ").append(sc.rubric() == null ? "—" : sc.rubric() + "/4");
          if (!sc.keyPoints().isEmpty()) {
            md.append(" — key points: ").append(text(String.join("; ", sc.keyPoints().stream()
                .filter(k -> k < q.keyPoints().size()).map(q.keyPoints()::get).toList())));
          }
          md.append('\n');
        }
        md.append('\n');
      }
      remarks(md, "### Notes and hints", t.remarks().stream().filter(r -> q.questionId().equals(r.questionId())).toList());
    }
    remarks(md, "## Notes outside any question", t.remarks().stream().filter(r -> r.questionId() == null).toList());
    md.append("## Timeline\n\n");
    List<Transcript.Entry> timeline = t.timeline();
    for (int i = 0; i < timeline.size(); i++) {
      Transcript.Entry e = timeline.get(i);
      // A run of one person's drafts (saved as they type the summary) is one line, at its last.
      int saves = 1;
      while (isDraft(e) && i + 1 < timeline.size() && isDraft(timeline.get(i + 1))
          && Objects.equals(timeline.get(i + 1).participantId(), e.participantId())) {
        e = timeline.get(++i);
        saves++;
      }
      String who = text(e.participantName());
      String line = switch (e.type()) {
        case "joined" -> who + " joined as " + text(e.details().path("role").asText());
        case "presence" -> switch (e.details().path("state").asText()) {
          case "left" -> who + " left";
          case "online" -> who + " is back online";
          default -> who + " is " + text(e.details().path("state").asText());
        };
        case "role" -> who + " is now " + text(e.details().path("role").asText());
        case "started" -> "Session started";
        case "question_pushed" -> "Question: " + prompt(e.details().path("prompt").asText());
        case "chat" -> who + ": " + text(e.details().path("text").asText());
        case "note" -> "Note (" + who + "): " + text(e.details().path("text").asText());
        case "hint" -> "Hint (" + who + "): " + text(e.details().path("text").asText());
        case "score" -> who + " scored " + scored(t, e.details());
        case "recommendation" -> e.details().path("submitted").asBoolean()
            ? "Recommendation submitted by " + who
            : "Recommendation drafted by " + who + (saves > 1 ? " (saved " + saves + " times)" : "");
        case "ended" -> "Session ended";
        default -> text(e.type());
      };
      md.append("- ").append(time(e.at())).append(" — ").append(line).append('\n');
    }
    if (!t.session().scoresOpen()) {
      md.append("\n## Scores\n\n").append(SCORES_NOT_OPEN).append('\n');
    }
    if (!t.recommendations().isEmpty()) {
      md.append("\n## Recommendations\n\n");
      for (Transcript.Recommendation r : t.recommendations()) {
        md.append("- ").append(text(r.name())).append(": **").append(r.recommendation() == null ? "—" : RECOMMENDATION.get(r.recommendation()))
            .append("**").append(r.submitted() ? "" : " (draft)").append(r.summary().isBlank() ? "" : " — " + text(r.summary())).append('\n');
      }
    }
    return md.toString();
  }

  private static boolean isDraft(Transcript.Entry e) {
    return e.type().equals("recommendation") && !e.details().path("submitted").asBoolean();
  }

  /** Notes and hints under {@code heading}, in the order they were written; nothing when there are none. */
  private static void remarks(StringBuilder md, String heading, List<Transcript.Remark> remarks) {
    if (remarks.isEmpty()) return;
    md.append(heading).append("\n\n");
    for (Transcript.Remark r : remarks) {
      md.append("- ").append(r.kind().equals("hint") ? "Hint" : "Note").append(" (").append(text(r.name())).append(", ")
          .append(CLOCK.format(r.at().withOffsetSameInstant(ZoneOffset.UTC))).append("): ").append(text(r.text())).append('\n');
    }
    md.append('\n');
  }

  /** A score event as a line of the timeline: which question (by its number in the transcript), the rubric, the key points ticked. */
  static String scored(Transcript t, JsonNode score) {
    String questionId = score.path("questionId").asText();
    int number = 1;
    for (QuestionAsked q : t.questions()) {
      if (q.questionId().toString().equals(questionId)) break;
      number++;
    }
    String question = number <= t.questions().size() ? "question " + number : "a question";
    String rubric = score.hasNonNull("rubric") ? score.get("rubric").asInt() + "/4" : "no rubric score";
    int ticked = score.path("keyPoints").size();
    return question + ": " + rubric + (ticked == 0 ? "" : ", " + ticked + (ticked == 1 ? " key point" : " key points"));
  }

  /** Time spent on a question: "42 s", "3 min", "3 min 5 s". */
  static String spent(long seconds) {
    if (seconds < 60) return seconds + " s";
    return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
  }

  private static String time(OffsetDateTime at) {
    return TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /**
   * People's text as inline Markdown that shows exactly that text: every character that could start
   * emphasis, code, a link, HTML or an entity is backslash-escaped, and line breaks become spaces
   * (each value sits on one line of a list or a heading).
   */
  static String text(String s) {
    if (s == null) return "";
    return SIGNIFICANT.matcher(s.replaceAll("\\s*\\R\\s*", " ")).replaceAll("\\\\$0");
  }

  /** A prompt keeps its `code` spans (the app shows them as code); the rest is {@link #text}. */
  static String prompt(String s) {
    StringBuilder out = new StringBuilder();
    String flat = s.replaceAll("\\s*\\R\\s*", " ");
    Matcher m = CODE_SPAN.matcher(flat);
    int last = 0;
    while (m.find()) {
      out.append(text(flat.substring(last, m.start()))).append(m.group());
      last = m.end();
    }
    return out.append(text(flat.substring(last))).toString();
  }

  /** A code fence longer than any run of backticks in {@code code}, so nothing inside can close it (CommonMark). */
  static String fence(String code) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(code);
    while (m.find()) longest = Math.max(longest, m.group().length());
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** One CSV row per (session, interviewer, question) score. RFC 4180 quoting. */
  public static String csvHeader() {
    return "session_id,session_title,date,candidate,candidate_email,interviewer,question,topic,difficulty,rubric,key_points_ticked,recommendation\r\n";
  }

  public static String csv(String... cells) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) row.append(',');
      String c = cells[i] == null ? "" : cells[i];
      // A leading = + - @ would run as a formula in a spreadsheet.
      if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) c = "'" + c;
      row.append('"').append(c.replace("\"", "\"\"")).append('"');
    }
    return row.append("\r\n").toString();
  }
}
