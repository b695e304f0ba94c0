package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing, exporting and importing an organisation's own questions over the HTTP API, for the import and export tests. */
final class OwnQuestionFiles {
  private OwnQuestionFiles() {}

  static Map<String, Object> draft(String prompt, String topic, String difficulty, List<String> keyPoints, String answer) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("prompt", prompt);
    d.put("topic", topic);
    d.put("difficulty", difficulty);
    d.put("keyPoints", keyPoints);
    d.put("answer", answer);
    return d;
  }

  /** Writes a question through the editor's API; its id. */
  static String write(Interviewer who, Map<String, Object> draft) {
    Http.Reply r = Http.post(who.baseUrl() + "/api/questions", draft, who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static Http.Reply export(Interviewer who, String format) {
    return Http.get(who.baseUrl() + "/api/questions/export?format=" + format, who.cookie());
  }

  /** The questions of the organisation's JSON export, as the file has them. */
  static JsonNode exported(Interviewer who) {
    Http.Reply r = export(who, "json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("questions");
  }

  /** POSTs {@code file} (its text, as the browser sends it) to the import. */
  static Http.Reply importFile(Interviewer who, String file, boolean dryRun) {
    return Http.post(who.baseUrl() + "/api/questions/import?dryRun=" + dryRun, file, who.cookie());
  }

  /** How many questions the organisation has of its own, through the bank's search. */
  static long ownCount(Interviewer who) {
    return Http.get(who.baseUrl() + "/api/questions?origin=author&pageSize=1", who.cookie()).json().get("total").asLong();
  }

  static void assertCounts(JsonNode report, int created, int updated, int unchanged, int refused) {
    JsonNode c = report.get("counts");
    assertThat(List.of(c.get("created").asInt(), c.get("updated").asInt(), c.get("unchanged").asInt(), c.get("refused").asInt()))
        .as("created, updated, unchanged, refused in %s", report).containsExactly(created, updated, unchanged, refused);
  }
}
