package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Delete session…" in Chromium (web-client/e2e/delete-session.mjs): offered only to a session's
 * interviewers — an observer of it and a colleague not invited see no Delete in the list nor on
 * its review page; the confirmation dialog from the sessions list (names, Escape, focus) while the
 * room is open for the interviewer and the candidate, who are then told the session was deleted;
 * and from a review page.
 */
class DeletingASessionWorksInChromiumTest {

  @Test
  void deleteFromTheListAndFromAReviewPage() throws Exception {
    try (TestServer server = TestServer.start()) {
      Http.Reply signup = Http.post(server.baseUrl() + "/api/auth/signup",
          Map.of("organisation", "Delete E2E", "name", "Ada Lovelace", "email", "ada.delete@example.com", "password", "correct horse battery"), null);
      Interviewer ada = new Interviewer(server.baseUrl(), Interviewer.cookie(signup), signup.json().get("account"));
      JsonNode live = ada.createSession("Live one", "Lena Live", 1);
      JsonNode reviewed = ada.createSession("Reviewed one", "Rita Review", 1);
      // A candidate with two sessions under one email, erased from their history page.
      JsonNode erase1 = ada.createSession("Erase one", "Erin Erase", 1);
      JsonNode erase2 = ada.createSession("Erase two", "Erin Erase", 1);
      for (JsonNode s : new JsonNode[] {erase1, erase2}) {
        Http.Reply linked = Http.post(server.baseUrl() + "/api/sessions/" + s.get("id").asText() + "/candidate",
            Map.of("email", "erin@example.com"), ada.cookie());
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
      }
      Interviewer olive = ada.colleague("Olive Observer");
      Interviewer carl = ada.colleague("Carl Colleague");
      for (JsonNode s : new JsonNode[] {live, reviewed}) {
        Http.Reply invited = Http.post(server.baseUrl() + "/api/sessions/" + s.get("id").asText() + "/members",
            Map.of("email", olive.account().get("email").asText(), "role", "observer"), ada.cookie());
        assertThat(invited.status()).as(invited.body()).isEqualTo(200);
      }
      Path out = Path.of("target/e2e/delete-session");
      BrowserScript.Result r = BrowserScript.run("delete-session.mjs", server.baseUrl(), out,
          "--email", "ada.delete@example.com", "--password", "correct horse battery",
          "--live", live.get("id").asText(), "--token", Interviewer.token(live), "--reviewed", reviewed.get("id").asText(),
          "--observer", olive.account().get("email").asText(), "--colleague", carl.account().get("email").asText(), "--erase", "erin@example.com");
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(out.resolve("delete-dialog.png")).exists();
      assertThat(Http.get(server.baseUrl() + "/api/sessions", ada.cookie()).json().get("items")).isEmpty();
    }
  }
}
