package io.mockroom.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.room.SessionRetention;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With MOCKROOM_RETENTION_DAYS=30, a sweep deletes the sessions that ended more than 30 days ago,
 * with their events, and keeps one that ended 29 days ago and one planned 90 days ago that never
 * took place. The sessions are ended through the room; only their end is moved into the past.
 */
class SessionsThatEndedLongerAgoThanTheRetentionAreDeletedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass(c -> c.withRetentionDays(30));

  @Test
  void onlyTheSessionsThatEndedBeforeTheRetentionAreDeleted() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Retention Org");
    String old = endedSession(ada, "Ended 31 days ago", 31);
    String older = endedSession(ada, "Ended a year ago", 365);
    String recent = endedSession(ada, "Ended 29 days ago", 29);
    String planned = ada.createSession("Planned 90 days ago", "Grace Hopper", 1).get("id").asText();
    Sql.execute(server.database(), "update sessions set created_at = now() - interval '90 days' where id = ?::uuid", planned);
    assertThat(events(old)).as("the room wrote events, so the test can fail").isPositive();

    SessionRetention retention = server.mockroom().retention().orElseThrow();
    int deleted = retention.sweep().await(30, TimeUnit.SECONDS);

    // Other test classes share this database, but none ends a session in the past.
    assertThat(deleted).isEqualTo(2);
    for (String gone : new String[] {old, older}) {
      assertThat(Sql.one(server.database(), "select count(*) from sessions where id = ?::uuid", gone)).as(gone).isEqualTo(0L);
      assertThat(events(gone)).as("events of " + gone).isZero();
    }
    assertThat(Sql.one(server.database(), "select count(*) from sessions where id = ?::uuid", recent)).isEqualTo(1L);
    assertThat(events(recent)).isPositive();
    assertThat(Sql.one(server.database(), "select count(*) from sessions where id = ?::uuid", planned)).isEqualTo(1L);
    assertThat(retention.sweep().await(30, TimeUnit.SECONDS)).as("a second sweep finds nothing").isZero();
  }

  /** A session started and ended in its room, whose end is then moved {@code daysAgo} into the past. */
  private static String endedSession(Interviewer ada, String title, int daysAgo) {
    String id = ada.createSession(title, "Grace Hopper", 1).get("id").asText();
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, id)) {
      staff.send(staff.json("start"));
      staff.send(staff.json("end"));
      staff.await("ended");
    }
    Sql.execute(server.database(), "update sessions set ended_at = ended_at - make_interval(days => ?) where id = ?::uuid",
        daysAgo, id);
    assertThat(Sql.one(server.database(), "select status from sessions where id = ?::uuid", id)).isEqualTo("ended");
    return id;
  }

  private static long events(String sessionId) {
    return (Long) Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid", sessionId);
  }
}
