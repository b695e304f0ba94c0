package io.mockroom.room;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.collab.ChangeSet;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A room keeps only the last {@link RoomState#DOC_HISTORY} updates of a document in memory. A
 * candidate whose connection was away while more than that happened still gets, in its welcome,
 * every update it missed (read from the log) — not just the current text, which would make the
 * browser drop the candidate's unconfirmed edits — and its edit, rebased on them, lands.
 */
class AClientFarBehindCatchesUpFromTheLogTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theWelcomeCarriesEveryMissedUpdateAndTheUnconfirmedEditLands() {
    Interviewer ada = Interviewer.signUp(server, "Long Absences");
    JsonNode session = ada.createSession("Far behind", "Grace", 1);
    String sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
      staff.hello();
      String doc = staff.startWithFirstQuestion();

      RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
      cand.send(cand.json("hello").put("name", "Grace"));
      String participantId = cand.await("welcome").get("you").get("id").asText();
      cand.send(insert(cand, doc, 0, "grace-1", 0, 0, "x"));
      cand.await("updates", u -> u.get("version").asInt() == 1);
      cand.close();

      // While Grace is away, the interviewer types more updates than the room keeps in memory
      // (ten one-letter updates per push, well under the per-socket message rate).
      int missed = RoomState.DOC_HISTORY + 44;
      StringBuilder text = new StringBuilder("x");
      for (int v = 1; v <= missed; ) {
        ObjectNode push = staff.json("push").put("doc", doc).put("version", v);
        var updates = push.putArray("updates");
        for (int k = 0; k < 10 && v + k <= missed; k++) {
          String ch = String.valueOf((char) ('a' + (v + k) % 26));
          updates.addObject().put("clientID", "ada-1")
              .set("changes", insert(staff, doc, 0, "ada-1", text.length(), text.length(), ch).get("updates").get(0).get("changes"));
          text.append(ch);
        }
        v += updates.size();
        int expected = v;
        staff.send(push);
        staff.await("updates", u -> u.get("version").asInt() == expected);
      }

      try (RoomClient back = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
        ObjectNode hello = back.json("hello").put("participantId", participantId);
        hello.putObject("docs").put(doc, 1);
        back.send(hello);
        JsonNode view = back.await("welcome").get("docs").get(doc);
        assertThat(view.get("version").asInt()).isEqualTo(missed + 1);
        assertThat(view.get("updates").isArray()).as("updates, not only the text").isTrue();
        assertThat(view.get("updates")).hasSize(missed);
        // Applied in order to what Grace had ("x"), they give the room's text exactly.
        String rebuilt = "x";
        for (JsonNode u : view.get("updates")) {
          assertThat(u.get("clientID").asText()).isEqualTo("ada-1");
          rebuilt = ChangeSet.fromJson(u.get("changes")).apply(rebuilt);
        }
        assertThat(rebuilt).isEqualTo(text.toString()).isEqualTo(view.get("text").asText());

        // Her unconfirmed "!" after the x, rebased over what she missed, lands at the new version.
        back.send(insert(back, doc, missed + 1, "grace-2", 1, text.length(), "!"));
        JsonNode confirmed = back.await("updates", u -> u.get("version").asInt() == missed + 2);
        assertThat(confirmed.get("updates").get(0).get("clientID").asText()).isEqualTo("grace-2");
      }
    }
  }
}
