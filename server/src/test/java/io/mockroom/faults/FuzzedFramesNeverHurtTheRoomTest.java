package io.mockroom.faults;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of generated hostile frames from candidate sockets — invalid JSON, deep nesting,
 * huge strings, wrong types, unknown types, versions from the past and the future, changes that
 * do not fit, forged roles and ids on interviewer-only messages, binary frames. Every one gets
 * exactly one error frame, the server stays up, the document and the log are untouched, and the
 * interviewer sees nothing of it. Replay a seed with -Dfuzz.seed=N.
 */
class FuzzedFramesNeverHurtTheRoomTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static String frame(Random r, String doc, int version) {
    String huge = "z".repeat(257 * 1024 + r.nextInt(1000));
    int depth = 17 + r.nextInt(400);
    return switch (r.nextInt(16)) {
      case 0 -> randomText(r);
      case 1 -> "[".repeat(depth) + "]".repeat(depth);
      case 2 -> "{\"type\":\"chat\",\"text\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
      case 3 -> "{\"type\":\"chat\",\"text\":\"" + huge + "\"}";
      case 4 -> "{\"type\":" + r.nextInt() + "}";
      case 5 -> "{\"type\":\"" + Long.toHexString(r.nextLong()) + "\"}";
      case 6 -> "{\"type\":\"push\",\"doc\":" + r.nextInt() + ",\"version\":0,\"updates\":[]}";
      case 7 -> "{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":" + (version + 1 + r.nextInt(1000)) + ",\"updates\":[{\"clientID\":\"f\",\"changes\":[[0,\"x\"]]}]}";
      case 8 -> "{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":" + version + ",\"updates\":[{\"clientID\":\"f\",\"changes\":[" + (5 + r.nextInt(50)) + ",[0,\"x\"]]}]}";
      case 9 -> "{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":-" + (1 + r.nextInt(9)) + ",\"updates\":[{\"clientID\":\"f\",\"changes\":[[0,\"x\"]]}]}";
      case 10 -> "{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":" + version + ",\"updates\":[{\"clientID\":\"f\",\"changes\":[[0,1,2]]}]}";
      case 11 -> "{\"type\":\"start\",\"role\":\"interviewer\",\"participantId\":\"" + java.util.UUID.randomUUID() + "\"}";
      case 12 -> "{\"type\":\"push_question\",\"planIndex\":0,\"role\":\"interviewer\"}";
      case 13 -> "{\"type\":\"end\",\"as\":\"interviewer\"}";
      case 14 -> "{\"type\":\"note\",\"text\":\"forged\",\"role\":\"interviewer\"}";
      default -> "{\"type\":\"score\",\"questionId\":\"" + java.util.UUID.randomUUID() + "\",\"rubric\":" + r.nextInt() + "}";
    };
  }

  static String randomText(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(200);
    for (int i = 0; i < n; i++) b.append((char) (r.nextInt(0x7E - 0x20) + 0x20));
    String s = b.toString();
    return s.startsWith("{") && s.endsWith("}") ? "x" + s : s; // never accidentally valid
  }

  @Test
  void thousandsOfHostileFramesChangeNothing() {
    long seed = Long.getLong("fuzz.seed", 20261123L);
    Random r = new Random(seed);
    Interviewer ada = Interviewer.signUp(server, "Fuzz Org");
    JsonNode session = ada.createSession("Fuzzed", "Mallory", 1);
    String id = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie())) {
      staff.hello();
      String doc = staff.startWithFirstQuestion();
      staff.send(insert(staff, doc, 0, "ada", 0, 0, "def ok(): pass"));
      staff.await("updates", u -> u.get("version").asInt() == 1);
      long eventsBefore = (Long) Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid", id);

      int sent = 0;
      int sockets = 0;
      String fuzzerId = null; // the attacker reconnects as the same participant (a room takes at most 20)
      while (sent < 2000) {
        try (RoomClient fuzzer = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
          sockets++;
          var hello = fuzzer.json("hello").put("name", "Mallory");
          if (fuzzerId != null) hello.put("participantId", fuzzerId);
          fuzzer.send(hello);
          fuzzerId = fuzzer.await("welcome").get("you").get("id").asText();
          int batch = 50;
          for (int i = 0; i < batch; i++) {
            if (r.nextInt(25) == 0) fuzzer.sendBinary(); else fuzzer.send(frame(r, doc, 1));
          }
          fuzzer.send(fuzzer.json("ping").put("t", 1));
          fuzzer.await("pong");
          long errors = fuzzer.frames().stream().filter(f -> f.startsWith("{\"type\":\"error\"")).count();
          assertThat(errors).as("seed %d: every bad frame gets one error", seed).isEqualTo(batch);
          assertThat(fuzzer.frames().stream().filter(f -> f.contains("\"type\":\"updates\"") || f.contains("\"type\":\"question\"")
              || f.contains("\"type\":\"ended\"") || f.contains("\"type\":\"note\"") || f.contains("\"type\":\"scoring\"")).count())
              .as("seed %d: no hostile frame had an effect", seed).isZero();
          sent += batch;
        }
      }
      assertThat(sockets).isGreaterThanOrEqualTo(40);

      // The interviewer saw nothing but presence changes; the document and the log hold only real events.
      staff.send(staff.json("ping").put("t", 2));
      staff.await("pong");
      List<String> effects = new ArrayList<>();
      for (String f : staff.frames()) {
        if (f.contains("\"type\":\"chat\"") || f.contains("\"type\":\"note\"") || f.contains("\"type\":\"ended\"")
            || (f.contains("\"type\":\"updates\"") && !f.contains("\"version\":1,"))) effects.add(f);
      }
      assertThat(effects).as("seed %d", seed).isEmpty();
      List<String> newTypes = Sql.rows(server.database(),
              "select distinct type from session_events where session_id = ?::uuid and version > ?", id, eventsBefore)
          .stream().map(row -> (String) row.get("type")).toList();
      assertThat(newTypes).as("only joins and presence were logged").isSubsetOf("joined", "presence");
      try (RoomClient check = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie())) {
        check.send(check.json("hello"));
        JsonNode view = check.await("welcome").get("docs").get(doc);
        assertThat(view.get("text").asText()).isEqualTo("def ok(): pass");
        assertThat(view.get("version").asInt()).isEqualTo(1);
      }
      // And the room still works.
      staff.send(insert(staff, doc, 1, "ada", 14, 14, "\n"));
      staff.await("updates", u -> u.get("version").asInt() == 2);
    }
  }
}
