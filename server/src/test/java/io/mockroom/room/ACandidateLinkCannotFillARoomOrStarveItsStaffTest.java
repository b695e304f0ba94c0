package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whoever holds the candidate link cannot lock the room's staff out or use up their budget. Of 19
 * hellos without a participant id only {@link Admission#MAX_CANDIDATES_PRESENT} become participants;
 * the rest are refused {@code room_full}, and an invited co-interviewer still gets in — while a
 * candidate reconnecting, opening a second tab, or coming back without its stored id still does
 * too. Ten candidate sockets flooding the room with cursors use up the candidates' budget only: not
 * one of the interviewer's chat lines sent meanwhile is refused.
 */
class ACandidateLinkCannotFillARoomOrStarveItsStaffTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static Interviewer bob;

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Crowded Org");
    bob = ada.colleague("Bob Builder");
  }

  @Test
  void nineteenHellosDoNotLockOutAnInvitedInterviewer() {
    JsonNode session = ada.createSession("Crowded", "Cleo", 1);
    String id = session.get("id").asText();
    List<RoomClient> open = new ArrayList<>();
    try {
      RoomClient staff = RoomClient.joinAsStaff(server, ada, id);
      open.add(staff);
      List<String> candidates = new ArrayList<>();
      int refused = 0;
      for (int i = 0; i < 19; i++) {
        RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
        open.add(c);
        c.send(c.json("hello").put("name", "Crowd " + i));
        JsonNode answer = c.next();
        if (answer.get("type").asText().equals("welcome")) {
          candidates.add(answer.get("you").get("id").asText());
        } else {
          assertThat(answer.get("code").asText()).as("%s", answer).isEqualTo("room_full");
          refused++;
        }
      }
      assertThat(candidates).hasSize(Admission.MAX_CANDIDATES_PRESENT);
      assertThat(refused).isEqualTo(19 - Admission.MAX_CANDIDATES_PRESENT);

      // The co-interviewer, invited now, gets in.
      assertThat(Http.post(server.baseUrl() + "/api/sessions/" + id + "/members",
          Map.of("email", bob.account().get("email").asText(), "role", "interviewer"), ada.cookie()).status()).isEqualTo(200);
      RoomClient b = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, bob.cookie());
      open.add(b);
      assertThat(b.hello().get("you").get("role").asText()).isEqualTo("interviewer");

      // A candidate reconnecting, and a second tab of one (the same participant id), still get in.
      RoomClient again = candidate(session, "Crowd 0", candidates.get(0));
      open.add(again);
      RoomClient secondTab = candidate(session, "Crowd 1", candidates.get(1));
      open.add(secondTab);
      assertThat(welcome(again).get("you").get("id").asText()).isEqualTo(candidates.get(0));
      assertThat(welcome(secondTab).get("you").get("id").asText()).isEqualTo(candidates.get(1));
      // A participant's sockets are capped: a fifth replaces its oldest.
      for (int k = 0; k < Room.MAX_SOCKETS_PER_PARTICIPANT; k++) open.add(candidate(session, "Crowd 2", candidates.get(2)));
      RoomClient oldest = open.get(1 + 2); // the first socket of candidates.get(2): the third hello
      assertThat(welcome(oldest).get("you").get("id").asText()).isEqualTo(candidates.get(2));
      assertThat(oldest.awaitClosed()).as("the oldest socket of a participant with one too many").isTrue();
      assertThat(oldest.closeCode()).isEqualTo((short) 1008);
    } finally {
      open.forEach(RoomClient::close);
    }
  }

  @Test
  void aCandidateWhoseBrowserLostItsIdGetsBackIn() {
    JsonNode session = ada.createSession("Forgetful", "Fay", 1);
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, session.get("id").asText())) {
      RoomClient first = candidate(session, "Fay", null);
      String firstId = welcome(first).get("you").get("id").asText();
      first.close();
      staff.await("presence", p -> p.get("participant").get("id").asText().equals(firstId)
          && p.get("participant").get("presence").asText().equals("reconnecting"));
      try (RoomClient back = candidate(session, "Fay", null)) {
        assertThat(welcome(back).get("you").get("role").asText()).isEqualTo("candidate");
      }
    }
  }

  @Test
  void tenCandidateSocketsFloodingCursorsDoNotStarveTheInterviewer() {
    JsonNode session = ada.createSession("Starved", "Sid", 1);
    String id = session.get("id").asText();
    List<RoomClient> flood = new ArrayList<>();
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, id)) {
      String[] participant = new String[Admission.MAX_CANDIDATES_PRESENT];
      for (int k = 0; k < 10; k++) {
        int who = k / Room.MAX_SOCKETS_PER_PARTICIPANT;
        RoomClient c = candidate(session, "Sid " + who, participant[who]);
        flood.add(c);
        participant[who] = welcome(c).get("you").get("id").asText();
      }
      String doc = staff.startWithFirstQuestion();
      int rounds = 190; // under each socket's own burst (200): only the room's budget refuses
      List<String> sent = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (RoomClient c : flood) {
          ObjectNode cursor = c.json("cursor").put("doc", doc).put("anchor", 0).put("head", 0);
          c.send(cursor);
        }
        if (round % 9 == 4 && sent.size() < 20) {
          String line = "interviewer line " + sent.size();
          staff.send(staff.json("chat").put("text", line));
          sent.add(line);
        }
      }
      // Every line the interviewer sent comes back, none is refused.
      List<String> back = new ArrayList<>();
      while (back.size() < sent.size()) {
        JsonNode f = staff.next();
        if (f.get("type").asText().equals("error")) throw new AssertionError("the interviewer was refused: " + f);
        if (f.get("type").asText().equals("chat")) back.add(f.get("chat").get("text").asText());
      }
      assertThat(back).isEqualTo(sent);
      // The flood did use up the candidates' budget.
      long refusedCursors = 0;
      for (RoomClient c : flood) {
        c.send(c.json("ping").put("t", 1)); // its pong comes after every answer to its cursors
        c.await("pong");
        refusedCursors += c.frames().stream().filter(f -> f.contains("\"rate_limited\"")).count();
      }
      assertThat(refusedCursors).as("cursors refused by the room").isPositive();
    } finally {
      flood.forEach(RoomClient::close);
    }
  }

  /** A candidate socket, welcomed; with a participant id, as that participant. */
  private static RoomClient candidate(JsonNode session, String name, String participantId) {
    RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
    ObjectNode hello = c.json("hello").put("name", name);
    if (participantId != null) hello.put("participantId", participantId);
    c.send(hello);
    c.await("welcome");
    return c;
  }

  private static JsonNode welcome(RoomClient c) {
    return c.frames().stream().map(ACandidateLinkCannotFillARoomOrStarveItsStaffTest::parse)
        .filter(f -> f.get("type").asText().equals("welcome")).findFirst().orElseThrow();
  }

  private static JsonNode parse(String frame) {
    try {
      return io.mockroom.http.Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
