package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Besides each socket's own limit, a room takes at most {@link RoomRateLimit#PER_SECOND} messages
 * a second from all its candidate sockets together (burst {@link RoomRateLimit#BURST}), and as
 * many from its staff. Ten candidate sockets of one room (three participants, as many sockets as
 * the room lets each have), all on 127.0.0.1 and each under its own socket's burst, flood it with
 * chat lines while an eleventh pushes editor updates: the excess is answered {@code rate_limited}
 * and dropped whole (every line and push is either in the log, in everyone's view and in a fresh
 * welcome, or nowhere), pings still get their pong, the interviewer chatting meanwhile is never
 * refused, and a participant of another room — same address — is not affected at all. The counts
 * are bounded by the budget and the measured duration, not by assumptions about timing.
 */
class ARoomThatIsFloodedRefusesTheExcessTest {
  static final int SOCKETS = 10;
  /** Under a socket's own burst (200), so only the room's budget can refuse. */
  static final int PER_SOCKET = 190;
  static final String REFUSAL = "This room is receiving too many messages";

  @Test
  void theExcessIsRefusedAndDroppedWholeWhileAnotherRoomIsUnaffected() throws Exception {
    try (TestServer server = TestServer.start()) {
      Interviewer ada = Interviewer.signUp(server, "Flood Org");
      JsonNode flooded = ada.createSession("Flooded", "Fred", 1);
      JsonNode calm = ada.createSession("Calm", "Carla", 1);
      String id = flooded.get("id").asText();
      List<RoomClient> clients = new ArrayList<>();
      try {
        RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
        staff.hello();
        // Three candidate participants (the most a link keeps present), four sockets each at most.
        String[] participant = new String[3];
        for (int k = 0; k < SOCKETS; k++) {
          int who = k / Room.MAX_SOCKETS_PER_PARTICIPANT;
          clients.add(join(server, flooded, "Flooder " + who, participant[who]));
          participant[who] = clients.get(k).frames().stream().map(ARoomThatIsFloodedRefusesTheExcessTest::parse)
              .filter(f -> f.get("type").asText().equals("welcome")).findFirst().orElseThrow().get("you").get("id").asText();
        }
        RoomClient typist = join(server, flooded, "Typist", participant[SOCKETS / Room.MAX_SOCKETS_PER_PARTICIPANT]);
        List<RoomClient> others = List.of(staff, typist);
        RoomClient quiet = join(server, calm, "Quiet");
        staff.send(staff.json("start"));
        staff.send(staff.json("push_question").put("planIndex", 0));
        String doc = typist.await("question").get("question").get("doc").asText();

        // The flood: round after round, every socket sends a chat line; now and then the typist
        // pushes three updates and waits for the answer, and the calm room's participant chats.
        long t0 = System.nanoTime();
        int version = 0;
        StringBuilder text = new StringBuilder();
        int pushesConfirmed = 0;
        int pushesRefused = 0;
        List<String> quietSent = new ArrayList<>();
        List<String> staffSent = new ArrayList<>();
        for (int round = 0; round < PER_SOCKET; round++) {
          for (int k = 0; k < SOCKETS; k++) clients.get(k).send(clients.get(k).json("chat").put("text", line(k, round)));
          if (round % 19 == 0) {
            String q = "calm " + round;
            quiet.send(quiet.json("chat").put("text", q));
            quietSent.add(q);
            String st = "staff " + round;
            staff.send(staff.json("chat").put("text", st));
            staffSent.add(st);
          }
          if (round % 10 == 5) {
            String[] parts = {"a" + round + ";", "b" + round + ";", "c" + round + ";"};
            typist.send(push(typist, doc, version, text.length(), "typist-" + round, parts));
            JsonNode answer = answerToPush(typist, doc);
            if (answer.get("type").asText().equals("updates")) {
              assertThat(answer.get("version").asInt()).isEqualTo(version + 3);
              version += 3;
              for (String p : parts) text.append(p);
              pushesConfirmed++;
            } else {
              pushesRefused++;
            }
          }
        }
        clients.get(0).send(clients.get(0).json("ping").put("t", 4242));

        // Every chat line is answered exactly once: its broadcast back to its sender, or a refusal.
        int[] accepted = new int[SOCKETS];
        int[] refused = new int[SOCKETS];
        List<List<String>> seen = new ArrayList<>();
        boolean[] pong = new boolean[SOCKETS];
        for (int k = 0; k < SOCKETS; k++) {
          seen.add(new ArrayList<>());
          while (accepted[k] + refused[k] < PER_SOCKET) {
            read(clients.get(k), k, seen.get(k), accepted, refused, pong);
          }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int acceptedLines = sum(accepted);
        int refusedLines = sum(refused);
        int sent = SOCKETS * PER_SOCKET;
        System.out.printf("flood: %d lines in %.2f s, %d accepted, %d refused; pushes %d confirmed, %d refused%n",
            sent, seconds, acceptedLines, refusedLines, pushesConfirmed, pushesRefused);
        assertThat(acceptedLines + refusedLines).isEqualTo(sent);

        // The budget: at least the burst (less the two set-up messages) gets through, and at most
        // the burst plus what refilled while the flood lasted; the rest is refused.
        long slack = (long) Math.ceil(RoomRateLimit.PER_SECOND * seconds) + 1;
        int acceptedAll = acceptedLines + pushesConfirmed;
        assertThat(acceptedAll).as("accepted in %.2f s", seconds).isGreaterThanOrEqualTo((int) RoomRateLimit.BURST - 2);
        assertThat((long) acceptedAll).as("accepted in %.2f s", seconds).isLessThanOrEqualTo((long) RoomRateLimit.BURST + slack);
        assertThat((long) refusedLines + pushesRefused).as("refused in %.2f s", seconds)
            .isGreaterThanOrEqualTo(sent + pushesConfirmed + pushesRefused - (long) RoomRateLimit.BURST - slack)
            .isPositive();
        assertThat(pushesConfirmed + pushesRefused).isEqualTo(PER_SOCKET / 10);

        // Everyone in the room saw the same accepted lines in the same order, and nothing else.
        for (int k = 0; k < SOCKETS; k++) {
          while (seen.get(k).size() < acceptedLines + staffSent.size()) read(clients.get(k), k, seen.get(k), accepted, refused, pong);
          assertThat(seen.get(k)).as("lines seen by socket %d", k).isEqualTo(seen.get(0));
        }
        assertThat(sum(refused)).as("no refusal after the last answer").isEqualTo(refusedLines);
        // The interviewer's lines were all taken, in order: the candidates' flood is not charged to the staff.
        assertThat(seen.get(0).stream().filter(l -> l.startsWith("staff ")).toList()).isEqualTo(staffSent);
        assertThat(staff.frames()).noneMatch(f -> f.contains("\"rate_limited\""));
        if (!pong[0]) clients.get(0).await("pong", p -> p.get("t").asInt() == 4242);

        // The log holds exactly what was shown: the accepted lines, and whole pushes only.
        List<Object> logged = Sql.rows(server.database(),
                "select payload->>'text' as text from session_events where session_id = ?::uuid and type = 'chat' order by version", id)
            .stream().map(r -> r.get("text")).toList();
        assertThat(logged).isEqualTo(List.copyOf(seen.get(0)));
        assertThat((Long) Sql.one(server.database(),
            "select count(*) from session_events where session_id = ?::uuid and type = 'doc_update'", id)).isEqualTo(3L * pushesConfirmed);

        // Someone joining now gets the same chat and the text of exactly the confirmed pushes.
        // (The interviewer's second socket: the link has as many candidates present as it may.)
        try (RoomClient late = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie())) {
          late.hello();
          JsonNode welcome = late.frames().stream().map(ARoomThatIsFloodedRefusesTheExcessTest::parse)
              .filter(f -> f.get("type").asText().equals("welcome")).findFirst().orElseThrow();
          List<String> chat = new ArrayList<>();
          welcome.get("chat").forEach(c -> chat.add(c.get("text").asText()));
          assertThat(chat).isEqualTo(seen.get(0));
          assertThat(welcome.get("docs").get(doc).get("version").asInt()).isEqualTo(version);
          assertThat(welcome.get("docs").get(doc).get("text").asText()).isEqualTo(text.toString());
        }

        // The calm room, on the same address, was not limited at all.
        List<String> quietSeen = new ArrayList<>();
        while (quietSeen.size() < quietSent.size()) {
          JsonNode f = quiet.next();
          assertThat(f.get("type").asText()).as("calm room frame %s", f).isNotEqualTo("error");
          if (f.get("type").asText().equals("chat")) quietSeen.add(f.get("chat").get("text").asText());
        }
        assertThat(quietSeen).isEqualTo(quietSent);
        assertThat(quiet.frames()).noneMatch(f -> f.contains("\"error\""));
        others.forEach(RoomClient::close);
      } finally {
        clients.forEach(RoomClient::close);
      }
    }
  }

  /** The bucket by itself, on a clock of the test's: a burst, then exactly the refill. */
  @Test
  void theBudgetIsABurstRefilledAtTheSustainedRate() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    RoomRateLimit limit = new RoomRateLimit(now::get);
    ClientMessage chat = new ClientMessage.Chat("hi", null);
    int burst = 0;
    while (limit.admit(Role.CANDIDATE, chat)) burst++;
    assertThat(burst).isEqualTo((int) RoomRateLimit.BURST);
    assertThat(limit.admit(Role.CANDIDATE, new ClientMessage.Ping(1))).as("pings are not counted").isTrue();
    // The staff's budget is their own: the candidates used up theirs, not this one.
    int staffBurst = 0;
    while (limit.admit(staffBurst % 2 == 0 ? Role.INTERVIEWER : Role.OBSERVER, chat)) staffBurst++;
    assertThat(staffBurst).isEqualTo((int) RoomRateLimit.BURST);

    now.addAndGet(1_000_000_000L); // one second later
    int refilled = 0;
    while (limit.admit(Role.CANDIDATE, chat)) refilled++;
    assertThat(refilled).isEqualTo((int) RoomRateLimit.PER_SECOND);

    now.addAndGet(3_600_000_000_000L); // an hour later: never more than the burst
    int after = 0;
    while (limit.admit(Role.CANDIDATE, chat)) after++;
    assertThat(after).isEqualTo((int) RoomRateLimit.BURST);
    assertThat(RoomRateLimit.refusal(null).code()).isEqualTo("rate_limited");
    assertThat(RoomRateLimit.refusal(null).message()).startsWith(REFUSAL);
    // A refused message that has an id is named, so its client knows which one to send again later.
    java.util.UUID id = java.util.UUID.randomUUID();
    assertThat(RoomRateLimit.refusal(id).id()).isEqualTo(id);
    assertThat(RoomRateLimit.refusal(null).id()).isNull();
  }

  private static RoomClient join(TestServer server, JsonNode session, String name) {
    return join(server, session, name, null);
  }

  /** A candidate socket; with a participant id, another socket of that participant. */
  private static RoomClient join(TestServer server, JsonNode session, String name, String participantId) {
    RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
    ObjectNode hello = c.json("hello").put("name", name);
    if (participantId != null) hello.put("participantId", participantId);
    c.send(hello);
    c.await("welcome");
    return c;
  }

  private static String line(int socket, int round) {
    return "s" + socket + ":" + round;
  }

  /** One frame of socket k: its own line coming back (accepted), a refusal, another's line, or a pong. */
  private static void read(RoomClient c, int k, List<String> seen, int[] accepted, int[] refused, boolean[] pong) {
    JsonNode f = c.next();
    switch (f.get("type").asText()) {
      case "chat" -> {
        String text = f.get("chat").get("text").asText();
        seen.add(text);
        if (text.startsWith("s" + k + ":")) accepted[k]++;
      }
      case "error" -> {
        assertThat(f.get("code").asText()).as("error %s", f).isEqualTo("rate_limited");
        assertThat(f.get("message").asText()).startsWith(REFUSAL);
        refused[k]++;
      }
      case "pong" -> pong[k] = true;
      default -> { } // presence, question, the typist's updates
    }
  }

  /** Three updates, each appending its part at the end of the document. */
  private static ObjectNode push(RoomClient c, String doc, int version, int length, String clientId, String[] parts) {
    ObjectNode push = c.json("push").put("doc", doc).put("version", version);
    ArrayNode updates = push.putArray("updates");
    int at = length;
    for (String part : parts) {
      ArrayNode changes = updates.addObject().put("clientID", clientId).putArray("changes");
      if (at > 0) changes.add(at);
      changes.addArray().add(0).add(part);
      at += part.length();
    }
    return push;
  }

  /** The confirmation (the typist's own updates coming back) or the refusal of the push just sent. */
  private static JsonNode answerToPush(RoomClient typist, String doc) {
    while (true) {
      JsonNode f = typist.next();
      String type = f.get("type").asText();
      if (type.equals("updates") && f.get("doc").asText().equals(doc)) return f;
      if (type.equals("error")) {
        assertThat(f.get("code").asText()).as("push answered %s", f).isEqualTo("rate_limited");
        assertThat(f.get("message").asText()).startsWith(REFUSAL);
        return f;
      }
    }
  }

  private static int sum(int[] xs) {
    int s = 0;
    for (int x : xs) s += x;
    return s;
  }

  private static JsonNode parse(String frame) {
    try {
      return io.mockroom.http.Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
