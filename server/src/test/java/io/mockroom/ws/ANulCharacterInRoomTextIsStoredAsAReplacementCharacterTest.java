package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.room.ClientMessage;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JSON can carry U+0000 ({@code "\\u0000"}), Postgres cannot store it (jsonb refuses the escape).
 * Before, one chat line or keystroke with it made the event log retry its batch for ever, and
 * every room of the server stopped being saved. Now every text a room takes from a socket has
 * U+FFFD in its place, as for half an emoji: the same length, so the pusher's next change still
 * fits, and the log, the broadcast and the room's text agree — and other rooms are saved as ever.
 */
class ANulCharacterInRoomTextIsStoredAsAReplacementCharacterTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  /** A live room: the interviewer (who pushed the first question) and the candidate, both joined. */
  private record OpenRoom(Interviewer ada, String sessionId, String doc, RoomClient staff, RoomClient cand) implements AutoCloseable {
    static OpenRoom open(String organisation, String candidateHello) {
      Interviewer ada = Interviewer.signUp(server, organisation);
      JsonNode session = ada.createSession("Nul", "Grace", 1);
      String sessionId = session.get("id").asText();
      RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie());
      RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
      staff.hello();
      String doc = staff.startWithFirstQuestion();
      cand.send(candidateHello);
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
  void everyTextOfTheRoomKeepsUFFFDWhereTheNulWasAndOtherRoomsAreSaved() {
    try (OpenRoom room = OpenRoom.open("Nul Ltd", "{\"type\":\"hello\",\"name\":\"Gr\\u0000ace\"}");
         OpenRoom other = OpenRoom.open("Other Ltd", "{\"type\":\"hello\",\"name\":\"Alan\"}")) {
      String doc = room.doc();
      RoomClient staff = room.staff();
      RoomClient cand = room.cand();
      assertThat(staff.await("presence", p -> p.get("participant").get("role").asText().equals("candidate"))
          .get("participant").get("name").asText()).isEqualTo("Gr\uFFFDace");

      cand.send("{\"type\":\"chat\",\"text\":\"hi\\u0000there\"}");
      assertThat(staff.await("chat").get("chat").get("text").asText()).isEqualTo("hi\uFFFDthere");

      // The web client's spelling of a push (read without a parser), then one with an extra field
      // (the tree) and one with spaces (the token stream): three characters, then one more each.
      cand.send("{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":0,\"updates\":[{\"clientID\":\"grace\\u00001\",\"changes\":[[0,\"a\\u0000b\"]]}]}");
      JsonNode first = staff.await("updates", u -> u.get("version").asInt() == 1);
      assertThat(first.get("updates").get(0).get("changes").get(0).get(1).asText()).isEqualTo("a\uFFFDb");
      assertThat(first.get("updates").get(0).get("clientID").asText()).isEqualTo("grace\uFFFD1");
      cand.send("{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":1,\"updates\":[{\"clientID\":\"g2\",\"changes\":[3,[0,\"\\u0000\"]]}],\"x\":1}");
      staff.await("updates", u -> u.get("version").asInt() == 2);
      cand.send("{ \"type\": \"push\", \"doc\": \"" + doc + "\", \"version\": 2, \"updates\": [{\"clientID\": \"g3\", \"changes\": [4, [0, \"\\u0000\", \"\\u0000\"]]}] }");
      staff.await("updates", u -> u.get("version").asInt() == 3);

      staff.send("{\"type\":\"note\",\"text\":\"note\\u0000\"}");
      staff.await("note");
      staff.send("{\"type\":\"hint\",\"text\":\"hint\\u0000\"}");
      staff.await("scoring");
      staff.send("{\"type\":\"recommend\",\"recommendation\":\"yes\",\"summary\":\"sum\\u0000mary\"}");
      staff.await("scoring");

      // The other room is saved after all of it (its chat is broadcast only once committed).
      other.cand().send(other.cand().json("chat").put("text", "still saved"));
      assertThat(other.staff().await("chat").get("chat").get("text").asText()).isEqualTo("still saved");

      Map<String, Object> stored = Sql.rows(server.database(), """
          select (select payload ->> 'name' from session_events where session_id = ?::uuid and type = 'joined' and payload ->> 'role' = 'candidate') as name,
                 (select payload ->> 'text' from session_events where session_id = ?::uuid and type = 'chat') as chat,
                 (select string_agg(payload ->> 'clientID', ',' order by version) from session_events where session_id = ?::uuid and type = 'doc_update') as clients,
                 (select payload ->> 'text' from session_events where session_id = ?::uuid and type = 'note') as note,
                 (select payload ->> 'text' from session_events where session_id = ?::uuid and type = 'hint') as hint,
                 (select payload ->> 'summary' from session_events where session_id = ?::uuid and type = 'recommendation') as summary,
                 (select count(*) from session_events where session_id = ?::uuid) as events,
                 (select max(version) from session_events where session_id = ?::uuid) as last""",
          java.util.Collections.nCopies(8, room.sessionId()).toArray()).get(0);
      assertThat(stored).containsEntry("name", "Gr\uFFFDace").containsEntry("chat", "hi\uFFFDthere")
          .containsEntry("clients", "grace\uFFFD1,g2,g3").containsEntry("note", "note\uFFFD")
          .containsEntry("hint", "hint\uFFFD").containsEntry("summary", "sum\uFFFDmary");
      assertThat(stored.get("events")).as("every event of the room is stored, without a gap").isEqualTo(stored.get("last"));
      assertThat(staff.frames()).noneMatch(f -> f.contains("\"saving\"") && f.contains("paused"));

      try (RoomClient late = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + room.sessionId(), room.ada().cookie())) {
        late.send(late.json("hello"));
        assertThat(late.await("welcome").get("docs").get(doc).get("text").asText()).isEqualTo("a\uFFFDb\uFFFD\uFFFD\n\uFFFD");
      }
    }
  }

  /** Each of the three ways a push is read gives the same change set, U+FFFD in place of U+0000. */
  @Test
  void theThreeReadersOfAPushReplaceTheNulAlike() {
    String frame = "{\"type\":\"push\",\"doc\":\"d\\u0000\",\"version\":0,\"updates\":[{\"clientID\":\"c\\u0000\",\"changes\":[[0,\"\\u0000\",\"x\\u0000y\"]]}]}";
    for (ClientMessage.Push push : List.of(ClientFrames.decodePushPlain(frame), ClientFrames.decodePushStream(frame),
        (ClientMessage.Push) ClientFrames.decodeTree(frame))) {
      assertThat(push.doc()).isEqualTo("d\uFFFD");
      assertThat(push.updates().get(0).clientId()).isEqualTo("c\uFFFD");
      assertThat(push.updates().get(0).changes().apply("")).isEqualTo("\uFFFD\nx\uFFFDy");
    }
  }
}
