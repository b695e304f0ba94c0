package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A browser's {@code JSON.stringify} writes half of an emoji (a lone surrogate) as the escape
 * {@code \ud800}, which no UTF-8 can carry. Before, the log stored a "?" and the broadcast threw,
 * so the other participants never saw the edit nor any after it. Now the room keeps U+FFFD in its
 * place — the same length, so the pusher's next change still fits — and the log, the broadcast
 * and the room's text all agree.
 */
class HalfAnEmojiIsStoredAndSentAsAReplacementCharacterTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  /** A live room: the interviewer (who pushed the first question) and the candidate, both joined. */
  private record OpenRoom(Interviewer ada, String sessionId, String doc, RoomClient staff, RoomClient cand) implements AutoCloseable {
    static OpenRoom open(String organisation) {
      Interviewer ada = Interviewer.signUp(server, organisation);
      JsonNode session = ada.createSession("Emoji", "Grace", 1);
      String sessionId = session.get("id").asText();
      RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie());
      RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
      staff.hello();
      String doc = staff.startWithFirstQuestion();
      cand.send(cand.json("hello").put("name", "Grace"));
      cand.await("welcome");
      return new OpenRoom(ada, sessionId, doc, staff, cand);
    }

    @Override
    public void close() {
      staff.close();
      cand.close();
    }
  }

  @Test
  void theLoneSurrogateBecomesUFFFDEverywhereAndTypingGoesOn() {
    try (OpenRoom room = OpenRoom.open("Surrogates")) {
      String sessionId = room.sessionId();
      String doc = room.doc();
      RoomClient staff = room.staff();
      RoomClient cand = room.cand();
      Interviewer ada = room.ada();

      // Sent as raw text: Jackson would write the surrogate itself, and UTF-8 would turn it into "?".
      cand.send("{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":0,\"updates\":[{\"clientID\":\"grace-1\",\"changes\":[[0,\"a\\ud800b\"]]}]}");
      JsonNode first = staff.await("updates", u -> u.get("version").asInt() == 1);
      assertThat(first.get("updates").get(0).get("changes").get(0).get(1).asText()).isEqualTo("a\uFFFDb");

      // Three characters long, as for the pusher: its next change (after them) fits.
      cand.send("{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":1,\"updates\":[{\"clientID\":\"grace-1\",\"changes\":[3,[0,\"!\"]]}]}");
      staff.await("updates", u -> u.get("version").asInt() == 2);

      Object logged = Sql.one(server.database(), "select payload -> 'changes' -> 0 ->> 1 from session_events"
          + " where session_id = ?::uuid and type = 'doc_update' order by version limit 1", sessionId);
      assertThat(logged).isEqualTo("a\uFFFDb");

      try (RoomClient late = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
        late.send(late.json("hello"));
        assertThat(late.await("welcome").get("docs").get(doc).get("text").asText()).isEqualTo("a\uFFFDb!");
      }
    }
  }

  @Test
  void aChatLineWithHalfAnEmojiReadsTheSameLiveAndInTheLog() {
    try (OpenRoom room = OpenRoom.open("Surrogate Chat")) {
      room.cand().send("{\"type\":\"chat\",\"text\":\"hi \\udc00!\"}");
      JsonNode chat = room.staff().await("chat");
      assertThat(chat.get("chat").get("text").asText()).isEqualTo("hi \uFFFD!");
      assertThat(Sql.one(server.database(), "select payload ->> 'text' from session_events"
          + " where session_id = ?::uuid and type = 'chat'", room.sessionId())).isEqualTo("hi \uFFFD!");
    }
  }
}
