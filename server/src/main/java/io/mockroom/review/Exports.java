package io.mockroom.review;

import io.mockroom.review.Transcript.QuestionAsked;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The human exports of a session: a Markdown transcript, and scores as CSV rows. */
public final class Exports {
  static final String SCORES_NOT_OPEN = "Scores and recommendations are shown once every interviewer who scored has submitted, "
      + "or the session has ended.";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
  private static final Map<String, String> RECOMMENDATION = Map.of(
      "strong_no", "Strong no", "no", "No", "yes", "Yes", "strong_yes", "Strong yes");

  private Exports() {}

  public static String markdown(Transcript t) {
    StringBuilder md = new StringBuilder();
    var s = t.session();
    md.append("# ").append(s.title()).append("\n\n");
    md.append("- Candidate: ").append(s.candidateName()).append(s.candidateEmail() == null ? "" : " <" + s.candidateEmail() + ">").append('\n');
    md.append("- Interviewers: ").append(String.join(", ", t.participants().stream()
        .filter(p -> !p.role().equals("candidate")).map(Transcript.Person::name).toList())).append('\n');
    if (s.startedAt() != null) md.append("- Started: ").append(TIME.format(s.startedAt())).append('\n');
    if (s.durationSeconds() != null) md.append("- Duration: ").append(s.durationSeconds() / 60).append(" min\n");
    md.append('\n');
    int n = 1;
    for (QuestionAsked q : t.questions()) {
      md.append("## ").append(n++).append(". ").append(q.prompt()).append("\n\n");
      md.append("*").append(q.topic() == null ? "" : q.topic()).append(" · ").append(q.difficulty() == null ? "" : q.difficulty())
          .append(" · ").append(q.secondsSpent() / 60).append(" min ").append(q.secondsSpent() % 60).append(" s*\n\n");
      md.append("### Final answer\n\n```python\n").append(q.finalAnswer()).append(q.finalAnswer().endsWith("\n") ? "" : "\n").append("```\n\n");
      List<Transcript.Score> scores = t.scores().stream().filter(sc -> sc.questionId().equals(q.questionId())).toList();
      if (!scores.isEmpty()) {
        md.append("### Scores\n\n");
        for (Transcript.Score sc : scores) {
          md.append("- ").append(sc.name()).append(": ").append(sc.rubric() == null ? "—" : sc.rubric() + "/4");
          if (!sc.keyPoints().isEmpty()) {
            md.append(" — key points: ").append(String.join("; ", sc.keyPoints().stream()
                .filter(k -> k < q.keyPoints().size()).map(q.keyPoints()::get).toList()));
          }
          md.append('\n');
        }
        md.append('\n');
      }
    }
    md.append("## Timeline\n\n");
    for (Transcript.Entry e : t.timeline()) {
      String line = switch (e.type()) {
        case "joined" -> e.participantName() + " joined as " + e.details().path("role").asText();
        case "presence" -> e.participantName() + " is " + e.details().path("state").asText();
        case "role" -> e.participantName() + " is now " + e.details().path("role").asText();
        case "started" -> "Session started";
        case "question_pushed" -> "Question: " + e.details().path("prompt").asText();
        case "chat" -> e.participantName() + ": " + e.details().path("text").asText();
        case "note" -> "Note (" + e.participantName() + "): " + e.details().path("text").asText();
        case "hint" -> "Hint (" + e.participantName() + "): " + e.details().path("text").asText();
        case "score" -> "Score by " + e.participantName();
        case "recommendation" -> e.details().path("submitted").asBoolean()
            ? "Recommendation submitted by " + e.participantName() : "Recommendation drafted by " + e.participantName();
        case "ended" -> "Session ended";
        default -> e.type();
      };
      md.append("- ").append(TIME.format(e.at())).append(" — ").append(line.replace("\n", " ")).append('\n');
    }
    if (!t.session().scoresOpen()) {
      md.append("\n## Scores\n\n").append(SCORES_NOT_OPEN).append('\n');
    }
    if (!t.recommendations().isEmpty()) {
      md.append("\n## Recommendations\n\n");
      for (Transcript.Recommendation r : t.recommendations()) {
        md.append("- ").append(r.name()).append(": **").append(r.recommendation() == null ? "—" : RECOMMENDATION.get(r.recommendation()))
            .append("**").append(r.submitted() ? "" : " (draft)").append(r.summary().isBlank() ? "" : " — " + r.summary().replace("\n", " ")).append('\n');
      }
    }
    return md.toString();
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
