package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.http.Json;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A chat line carries the id its client made. Sent again with that id — on the same socket (its
 * confirmation was late), on a new socket of the same participant (a reconnect), and after the
 * room was loaded again from the log by a new server on the same database — it is never posted
 * again: its author gets the same line back as its confirmation, nobody else sees it a second
 * time, the log holds it once, and every welcome shows it once.
 */
class AChatLineSentTwiceWithItsIdIsPostedOnceTest {
  private static final String TEXT = "Can I use functools?";

  @Test
  void aChatLineSentAgainWithItsIdIsConfirmedAgainAndPostedOnce() {
    DatabaseUrl database = SharedPostgres.databaseWithBank();
    String id = UUID.randomUUID().toString();
    String sessionId;
    String token;
    String grace;
    Interviewer ada;
    JsonNode firstLine;
    try (TestServer server = TestServer.start(database)) {
      ada = Interviewer.signUp(server, "Chat Once Ltd");
      JsonNode session = ada.createSession("Once", "Grace", 1);
      sessionId = session.get("id").asText();
      token = Interviewer.token(session);
      try (RoomClient staff = RoomClient.joinAsStaff(server, ada, sessionId);
           RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + token, null)) {
        cand.send(cand.json("hello").put("name", "Grace"));
        grace = cand.await("welcome").get("you").get("id").asText();

        cand.send(chat(cand, id, TEXT));
        JsonNode first = cand.await("chat");
        firstLine = first.get("chat");
        assertThat(firstLine.get("id").asText()).as("the line is stored under the client's id").isEqualTo(id);
        assertThat(firstLine.get("text").asText()).isEqualTo(TEXT);
        staff.await("chat", c -> c.get("chat").get("id").asText().equals(id));

        // The same line again on the same socket: the same line, same seq, comes back as its confirmation.
        cand.send(chat(cand, id, TEXT));
        JsonNode again = cand.await("chat");
        assertThat(again).isEqualTo(first);

        // A reconnect: the new socket's welcome shows the line once, and the line sent again is confirmed again.
        cand.close();
        try (RoomClient back = rejoin(server, token, grace)) {
          assertThat(ids(back.await("welcome").get("chat"))).containsExactly(id);
          back.send(chat(back, id, TEXT));
          assertThat(back.await("chat")).isEqualTo(first);
          // A line after it, without an id, is posted as before; the interviewer saw the first only once before it.
          back.send(back.json("chat").put("text", "marker"));
          back.await("chat", c -> c.get("chat").get("text").asText().equals("marker"));
          staff.await("chat", c -> c.get("chat").get("text").asText().equals("marker"));
          assertThat(chatFramesWith(staff, id)).as("the interviewer saw the line once").isEqualTo(1);
        }
      }
    }
    assertThat(storedLines(database, sessionId, id)).isEqualTo(1L);

    // A new server loads the room from the log: the id is still known.
    try (TestServer server = TestServer.start(database);
         RoomClient staff = RoomClient.joinAsStaff(server, ada, sessionId);
         RoomClient back = rejoin(server, token, grace)) {
      JsonNode welcome = back.await("welcome");
      assertThat(ids(welcome.get("chat"))).containsExactly(id, chatIdOf(welcome, "marker"));
      back.send(chat(back, id, TEXT));
      JsonNode confirmed = back.await("chat");
      assertThat(confirmed.get("chat")).as("the stored line, confirmed again").isEqualTo(firstLine);
      back.send(back.json("chat").put("text", "after the restart"));
      staff.await("chat", c -> c.get("chat").get("text").asText().equals("after the restart"));
      assertThat(chatFramesWith(staff, id)).as("the interviewer was not sent the line again").isZero();
      try (RoomClient late = RoomClient.joinAsStaff(server, ada, sessionId)) {
        List<String> chat = ids(late.frames().stream().map(AChatLineSentTwiceWithItsIdIsPostedOnceTest::parse)
            .filter(f -> f.get("type").asText().equals("welcome")).findFirst().orElseThrow().get("chat"));
        assertThat(chat).hasSize(3).containsOnlyOnce(id);
      }
    }
    assertThat(storedLines(database, sessionId, id)).isEqualTo(1L);
    assertThat((Long) Sql.one(database, "select count(*) from session_events where session_id = ?::uuid and type = 'chat'", sessionId))
        .isEqualTo(3L);
  }

  private static RoomClient rejoin(TestServer server, String token, String participantId) {
    RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + token, null);
    c.send(c.json("hello").put("participantId", participantId));
    return c;
  }

  private static JsonNode chat(RoomClient c, String id, String text) {
    return c.json("chat").put("id", id).put("text", text);
  }

  private static List<String> ids(JsonNode lines) {
    return StreamSupport.stream(lines.spliterator(), false).map(l -> l.get("id").asText()).toList();
  }

  private static String chatIdOf(JsonNode welcome, String text) {
    return StreamSupport.stream(welcome.get("chat").spliterator(), false)
        .filter(l -> l.get("text").asText().equals(text)).findFirst().orElseThrow().get("id").asText();
  }

  /** The chat frames a client received for the line of {@code id}. */
  private static long chatFramesWith(RoomClient c, String id) {
    return c.frames().stream().map(AChatLineSentTwiceWithItsIdIsPostedOnceTest::parse)
        .filter(f -> f.get("type").asText().equals("chat") && f.get("chat").get("id").asText().equals(id)).count();
  }

  private static long storedLines(DatabaseUrl database, String sessionId, String id) {
    return (Long) Sql.one(database,
        "select count(*) from session_events where session_id = ?::uuid and type = 'chat' and payload ->> 'id' = ?", sessionId, id);
  }

  private static JsonNode parse(String frame) {
    try {
      return Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
