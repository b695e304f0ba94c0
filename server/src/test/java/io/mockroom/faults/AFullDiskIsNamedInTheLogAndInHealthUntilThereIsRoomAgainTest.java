package io.mockroom.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.store.EventLog;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database's disk fills up (tried on a small tmpfs: "could not extend file …: No space left
 * on device", SQLSTATE 53100). The log said "retrying until the database is back", which is not
 * what mends it, and /health said "up" (the database still answers a select) while every room
 * showed saving paused. Now the log says the disk is full and to free space, /health is 503 with
 * that reason, and once there is room the edit is written, confirmed, and the log and /health
 * say so.
 */
class AFullDiskIsNamedInTheLogAndInHealthUntilThereIsRoomAgainTest {

  @Test
  void theLogAndHealthSayTheDiskIsFullAndTheEditIsWrittenOnceThereIsRoom() throws Exception {
    Logger eventLog = (Logger) LoggerFactory.getLogger(EventLog.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    eventLog.addAppender(logged);
    try (TestServer server = TestServer.start()) {
      Interviewer ada = Interviewer.signUp(server, "Full Disk Org");
      JsonNode session = ada.createSession("Full disk", "Grace", 1);
      try (RoomClient staff = RoomClient.joinAsStaff(server, ada, session.get("id").asText())) {
        String doc = staff.startWithFirstQuestion();
        // What Postgres answers when it cannot extend a table's file.
        Sql.execute(server.database(), """
            create function disk_full() returns trigger language plpgsql as $$
            begin
              raise exception 'could not extend file "base/13695/16598": No space left on device' using errcode = 'disk_full';
            end $$""");
        Sql.execute(server.database(), "create trigger disk_full before insert on session_events for each row execute function disk_full()");

        staff.send(push(staff, doc, "print('typed on a full disk')"));
        assertThat(staff.await("saving").get("state").asText()).isEqualTo("paused");
        Http.Reply health = Http.get(server.baseUrl() + "/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("database").asText()).isEqualTo("down");
        assertThat(health.json().get("message").asText()).startsWith("Session events cannot be written: the database's disk is"
            + " full (").endsWith("); free space on the disk Postgres writes to (the embedded one's is the data folder's)");
        assertThat(lines(logged)).anyMatch(l -> l.startsWith("Writing 1 session events failed: the database's disk is full (")
            && l.contains("No space left on device") && l.endsWith("free space on the disk Postgres writes to (the embedded one's"
            + " is the data folder's). Rooms show saving paused and keep every edit until then; they are written as soon as there is room"));

        Sql.execute(server.database(), "drop trigger disk_full on session_events");
        assertThat(staff.await("saving").get("state").asText()).isEqualTo("ok");
        JsonNode confirmed = staff.await("updates", u -> u.get("version").asInt() == 1);
        assertThat(confirmed.get("updates")).hasSize(1);
        assertThat(Http.get(server.baseUrl() + "/health").status()).isEqualTo(200);
        assertThat(lines(logged)).anyMatch(l -> l.matches("Session events are written again, after \\d+ s in which they could not be"));
      }
    } finally {
      eventLog.detachAppender(logged);
    }
  }

  private static ObjectNode push(RoomClient client, String doc, String text) {
    ObjectNode push = client.json("push").put("doc", doc).put("version", 0);
    ObjectNode update = push.putArray("updates").addObject().put("clientID", "disk");
    update.putArray("changes").addArray().add(0).add(text);
    return push;
  }

  private static List<String> lines(ListAppender<ILoggingEvent> logged) {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
