package io.mockroom.e2e;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A session finished through the live protocol, then reviewed in Chromium (web-client/e2e/review.mjs):
 * three questions, the first answered in four edits (and a hint given), the second not at all (a
 * note written meanwhile), the third in one edit.
 */
class ReviewingASessionWorksInChromiumTest {

  @Test
  void filterOpenReplayAndDownload() throws Exception {
    try (TestServer server = TestServer.start()) {
      Http.Reply signup = Http.post(server.baseUrl() + "/api/auth/signup",
          Map.of("organisation", "Review E2E", "name", "Ada Lovelace", "email", "ada.review@example.com", "password", "correct horse battery"), null);
      Interviewer ada = new Interviewer(server.baseUrl(), Interviewer.cookie(signup), signup.json().get("account"));
      JsonNode session = ada.createSession("Replay me", "Dorothy Vaughan", 3);
      String id = session.get("id").asText();
      Http.post(server.baseUrl() + "/api/sessions/" + id + "/candidate", Map.of("email", "dorothy@example.com"), ada.cookie());
      try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
           RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
        staff.hello();
        cand.send(cand.json("hello").put("name", "Dorothy"));
        cand.await("welcome");
        staff.send(staff.json("start"));
        staff.send(staff.json("push_question").put("planIndex", 0));
        JsonNode q = cand.await("question").get("question");
        String doc = q.get("doc").asText();
        String text = "";
        String[] pieces = {"x", " = ", "1", "\nprint(x)"};
        for (int v = 0; v < pieces.length; v++) {
          cand.send(insert(cand, doc, v, "dv", text.length(), text.length(), pieces[v]));
          int next = v + 1;
          cand.await("updates", u -> u.get("version").asInt() == next);
          text += pieces[v];
        }
        staff.send(staff.json("hint").put("text", "Try printing it"));
        staff.await("scoring", h -> h.get("scoring").get("hints").size() == 1);
        staff.send(staff.json("score").put("questionId", q.get("questionId").asText()).put("rubric", 4)
            .set("keyPoints", Json.MAPPER.createArrayNode()));
        staff.await("scoring");
        staff.send(staff.json("push_question").put("planIndex", 1));
        cand.await("question", m -> m.get("question").get("planIndex").asInt() == 1);
        staff.send(staff.json("note").put("text", "Skipped the second"));
        staff.await("note");
        staff.send(staff.json("push_question").put("planIndex", 2));
        JsonNode third = cand.await("question", m -> m.get("question").get("planIndex").asInt() == 2).get("question");
        cand.send(insert(cand, third.get("doc").asText(), 0, "dv", 0, 0, "y = 2"));
        cand.await("updates", u -> u.get("doc").asText().equals(third.get("doc").asText()) && u.get("version").asInt() == 1);
        // Two drafts first, as the page saves them while the summary is typed: one line in the timeline.
        for (String draft : new String[] {"C", "Cl"}) {
          staff.send(staff.json("recommend").put("recommendation", "yes").put("summary", draft).put("submit", false));
          staff.await("scoring", sc -> sc.get("scoring").get("recommendations").size() == 1
              && sc.get("scoring").get("recommendations").get(0).get("summary").asText().equals(draft));
        }
        staff.send(staff.json("recommend").put("recommendation", "yes").put("summary", "Clear").put("submit", true));
        staff.await("scoring", s -> s.get("scoring").get("revealed").asBoolean());
        staff.send(staff.json("end"));
        cand.await("ended");
      }
      Path out = Path.of("target/e2e/review");
      BrowserScript.Result r = BrowserScript.run("review.mjs", server.baseUrl(), out,
          "--email", "ada.review@example.com", "--password", "correct horse battery", "--candidate", "Dorothy Vaughan", "--candidateEmail", "dorothy@example.com",
          "--early", "x = ", "--final", "x = 1\\nprint(x)", "--third", "y = 2", "--asked", "3");
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(out.resolve("review-session.png")).exists();
      try (var files = Files.list(out)) {
        assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".md"));
      }
    }
  }
}
