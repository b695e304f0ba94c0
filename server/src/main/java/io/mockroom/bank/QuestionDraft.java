package io.mockroom.bank;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mockroom.http.ApiError;
import io.mockroom.http.Bodies;
import java.util.ArrayList;
import java.util.List;

/**
 * A question as an interviewer writes it: what {@code POST /api/questions} and {@code PUT
 * /api/questions/:id} take. {@link #validated} trims every field and rejects what the bank could
 * not show or score with, with a message that names the field. It is also one question of an
 * export file, in the field order below (the long answer last).
 */
@JsonPropertyOrder({"prompt", "topic", "difficulty", "keyPoints", "answer"})
public record QuestionDraft(String prompt, String answer, String topic, String difficulty, List<String> keyPoints) {
  public static final int MAX_PROMPT = 10_000; // the questions table's own check
  public static final int MAX_ANSWER = 100_000;
  public static final int MAX_TOPIC = 80;
  public static final int MAX_KEY_POINTS = 12;
  public static final int MAX_KEY_POINT = 500;

  /** The same draft, trimmed, with blank key points dropped; a 400 naming the field if it is not usable. */
  public QuestionDraft validated() {
    String p = Bodies.text(prompt, "the question", 1, MAX_PROMPT);
    String a = answer == null ? "" : answer.strip();
    if (a.length() > MAX_ANSWER) throw ApiError.badRequest("The reference answer can be at most " + MAX_ANSWER + " characters.");
    String t = Bodies.text(topic, "a topic", 1, MAX_TOPIC);
    if (!Difficulty.known(difficulty)) {
      throw ApiError.badRequest("Difficulty must be beginner, intermediate or advanced.");
    }
    List<String> points = new ArrayList<>();
    for (String k : keyPoints == null ? List.<String>of() : keyPoints) {
      String v = k == null ? "" : k.strip();
      if (v.isEmpty()) continue;
      if (v.length() > MAX_KEY_POINT) throw ApiError.badRequest("A key point can be at most " + MAX_KEY_POINT + " characters.");
      points.add(v);
    }
    if (points.size() > MAX_KEY_POINTS) throw ApiError.badRequest("A question can have at most " + MAX_KEY_POINTS + " key points.");
    return new QuestionDraft(p, a, t, difficulty, List.copyOf(points));
  }
}
