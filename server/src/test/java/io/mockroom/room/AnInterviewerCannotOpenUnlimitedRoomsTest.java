package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An account can have at most {@link SessionStore#MAX_OPEN_PER_ACCOUNT} sessions that have not
 * ended (scheduled or live). One more is refused with 409 and a message that says the limit and
 * what to do; concurrent creations never pass the limit together; ending a session frees a place;
 * the limit is per account, so a colleague in the same organisation is not affected.
 */
class AnInterviewerCannotOpenUnlimitedRoomsTest {
  static final int MAX = SessionStore.MAX_OPEN_PER_ACCOUNT;
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theSessionOverTheLimitIsRefusedUntilOneEnds() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Busy Org");
    String question = Http.get(server.baseUrl() + "/api/questions?pageSize=1", ada.cookie()).json().get("items").get(0).get("id").asText();
    List<JsonNode> created = new ArrayList<>();
    for (int i = 0; i < MAX - 5; i++) created.add(ada.createSession("Session " + i, "Candidate " + i, 1));

    // Ten at once for the last five places: exactly five are created.
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Http.Reply> replies = new ArrayList<>();
    try {
      List<Future<Http.Reply>> racing = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = i;
        racing.add(pool.submit(() -> create(ada, question, "Racing " + n)));
      }
      for (Future<Http.Reply> f : racing) replies.add(f.get());
    } finally {
      pool.shutdownNow();
    }
    assertThat(replies).extracting(Http.Reply::status).containsOnly(201, 409);
    assertThat(replies.stream().filter(r -> r.status() == 201).count()).isEqualTo(5);
    replies.stream().filter(r -> r.status() == 201).forEach(r -> created.add(r.json()));
    assertThat(openSessions(ada)).isEqualTo(MAX);

    Http.Reply refused = create(ada, question, "One too many");
    assertThat(refused.status()).isEqualTo(409);
    JsonNode error = refused.json().get("error");
    assertThat(error.get("code").asText()).isEqualTo("too_many_open_sessions");
    assertThat(error.get("message").asText()).contains(String.valueOf(MAX)).contains("not ended").contains("End");

    // The limit is per account: a colleague of the same organisation creates sessions as usual.
    String invitation = Http.post(server.baseUrl() + "/api/invitations", "{}", ada.cookie()).json().get("token").asText();
    Http.Reply signup = Http.post(server.baseUrl() + "/api/auth/signup", Map.of("invitation", invitation, "name", "Colleague",
        "email", "colleague-" + System.nanoTime() + "@example.com", "password", "a long password"), null);
    Interviewer colleague = new Interviewer(server.baseUrl(), Interviewer.cookie(signup), signup.json().get("account"));
    assertThat(create(colleague, question, "Colleague's").status()).isEqualTo(201);

    // A live session still counts; an ended one does not.
    String live = created.get(0).get("id").asText();
    String toEnd = created.get(1).get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + live, ada.cookie())) {
      staff.hello();
      staff.send(staff.json("start"));
      staff.await("started");
    }
    assertThat(create(ada, question, "Still too many").status()).isEqualTo(409);
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + toEnd, ada.cookie())) {
      staff.hello();
      staff.send(staff.json("end"));
      staff.await("ended");
    }
    assertThat(create(ada, question, "In the freed place").status()).isEqualTo(201);
    assertThat(create(ada, question, "And no more").status()).isEqualTo(409);
    assertThat(openSessions(ada)).as("the organisation's: Ada's and the colleague's one").isEqualTo(MAX + 1);
  }

  private static Http.Reply create(Interviewer who, String question, String title) {
    return Http.post(server.baseUrl() + "/api/sessions",
        Map.of("title", title, "candidateName", "Cand", "plan", List.of(Map.of("questionId", question))), who.cookie());
  }

  /** Sessions of the account's organisation that have not ended, as the API lists them. */
  private static long openSessions(Interviewer who) {
    JsonNode items = Http.get(server.baseUrl() + "/api/sessions", who.cookie()).json().get("items");
    long n = 0;
    for (JsonNode s : items) {
      if (!s.get("status").asText().equals("ended")) n++;
    }
    return n;
  }
}
