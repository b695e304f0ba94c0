package io.mockroom.bank;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.http.Json;
import io.mockroom.testing.Sql;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads stored bank questions by their source, for assertions. */
final class BankQuestions {
  record Stored(String id, String prompt, String answer, JsonNode alternates, String difficulty, boolean difficultyInferred,
                String topic, boolean topicInferred, List<String> keyPoints, Set<String> sources) {}

  private BankQuestions() {}

  static Stored bySource(DatabaseUrl db, String file, String position) {
    List<Map<String, Object>> rows = Sql.rows(db, """
        select q.id::text, q.prompt, q.answer, q.alternates::text, q.difficulty, q.difficulty_inferred, q.topic,
               q.topic_inferred, q.key_points::text
          from questions q join question_sources s on s.question_id = q.id where s.file = ? and s.position = ?""",
        file, position);
    if (rows.size() != 1) throw new AssertionError("no question from " + file + " #" + position);
    Map<String, Object> r = rows.get(0);
    Set<String> sources = new TreeSet<>();
    Sql.rows(db, "select file || '#' || position as ref from question_sources where question_id = ?::uuid", r.get("id"))
        .forEach(s -> sources.add((String) s.get("ref")));
    try {
      List<String> kp = List.of(Json.MAPPER.readValue((String) r.get("key_points"), String[].class));
      return new Stored((String) r.get("id"), (String) r.get("prompt"), (String) r.get("answer"),
          Json.MAPPER.readTree((String) r.get("alternates")), (String) r.get("difficulty"),
          (Boolean) r.get("difficulty_inferred"), (String) r.get("topic"), (Boolean) r.get("topic_inferred"), kp, sources);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
