package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.RefusedEvents;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * web-client/e2e/room-details.mjs: a reopened or second candidate tab is the same participant, a
 * question shown again carries on its timer, the interviewer's room fits 1440x900, 1280x800 and
 * 800x600 (editor, score and plan in view, no horizontal overflow, no button broken mid-word),
 * notes and hints name their author, the summary is saved as typed, an invited colleague gets the
 * room's link, an edit the database refuses is undone once (the room reloads once, not in a
 * loop), staff see an ended session's review link and a staff message for an unknown room.
 * Screenshots in server/target/e2e/room-details.
 */
class TheRoomKeepsItsPeopleTimesAndDraftsAndFitsTheScreenTest {

  @Test
  void theLiveRoomsDetailsHoldInChromium() throws Exception {
    try (TestServer server = TestServer.start()) {
      // The database refuses any event holding a marker text, as it would an event it cannot store.
      try (RefusedEvents refused = RefusedEvents.install(server.database())) {
        BrowserScript.Result r = BrowserScript.run("room-details.mjs", server.baseUrl(), Path.of("target/e2e/room-details"));
        assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
        assertThat(r.output()).contains("[e2e] passed");
        assertThat(Path.of("target/e2e/room-details/interviewer-800x600.png")).exists();
        // One candidate participant, however many tabs the candidate opened.
        assertThat(Sql.one(server.database(), "select count(*) from session_events where type = 'joined' and payload ->> 'role' = 'candidate'"))
            .isEqualTo(1L);
      }
    }
  }
}
