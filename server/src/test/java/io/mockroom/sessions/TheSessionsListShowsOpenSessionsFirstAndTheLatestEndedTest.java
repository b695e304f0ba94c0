package io.mockroom.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/sessions, the sessions page: every session that has not ended comes first, newest
 * first, however old — a session planned long ago for next week is not pushed off the page by
 * later ones — then the 50 that ended last, most recent end first; {@code endedTotal} counts every
 * ended session, so the page can say that the rest are in Review. (Before, the page showed the
 * 200 created last, open or not, and said nothing of the others.) Sessions are ended here by
 * writing their end; the list only reads it.
 */
class TheSessionsListShowsOpenSessionsFirstAndTheLatestEndedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void openSessionsComeFirstThenTheFiftyThatEndedLast() {
    Interviewer ada = Interviewer.signUp(server, "Busy Org");
    String planned = ada.createSession("Planned long ago", "Pat", 1).get("id").asText();
    Sql.execute(server.database(), "update sessions set created_at = now() - interval '400 days' where id = ?::uuid", planned);
    List<String> ended = new ArrayList<>();
    for (int i = 0; i < 53; i++) {
      String id = ada.createSession("Ended " + i, "Candidate " + i, 1).get("id").asText();
      // Session i ended i hours ago: "Ended 0" is the latest.
      Sql.execute(server.database(), "update sessions set status = 'ended', started_at = now() - make_interval(hours => ? + 1),"
          + " ended_at = now() - make_interval(hours => ?) where id = ?::uuid", i, i, id);
      ended.add(id);
    }
    String live = ada.createSession("Newest open", "Lee", 1).get("id").asText();

    JsonNode list = Http.get(server.baseUrl() + "/api/sessions", ada.cookie()).json();
    List<String> ids = list.get("items").findValuesAsText("id");
    assertThat(ids.subList(0, 2)).as("open sessions first, newest first").containsExactly(live, planned);
    assertThat(ids.subList(2, ids.size())).as("then the 50 that ended last").isEqualTo(ended.subList(0, 50));
    assertThat(list.get("endedTotal").asLong()).isEqualTo(53);

    Interviewer eve = Interviewer.signUp(server, "Other Org");
    JsonNode theirs = Http.get(server.baseUrl() + "/api/sessions", eve.cookie()).json();
    assertThat(theirs.get("items")).as("another organisation's list").isEmpty();
    assertThat(theirs.get("endedTotal").asLong()).isZero();
  }
}
