package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionsBelongToTheirOrganisationTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aSessionHasItsPlanAndLinksAndOnlyItsOrganisationSeesIt() {
    Interviewer ada = Interviewer.signUp(server, "Org A");
    Interviewer eve = Interviewer.signUp(server, "Org B");
    JsonNode s = ada.createSession("Loop", "Grace", 3);
    assertThat(s.get("plan")).hasSize(3);
    assertThat(s.get("plan").get(0).get("minutes").asInt()).isEqualTo(2);
    assertThat(s.get("status").asText()).isEqualTo("scheduled");
    assertThat(s.get("roomUrl").asText()).endsWith("/rooms/" + s.get("id").asText());
    assertThat(Interviewer.token(s)).hasSize(43);
    assertThat(s.get("members")).hasSize(1);

    String id = s.get("id").asText();
    assertThat(Http.get(server.baseUrl() + "/api/sessions/" + id, ada.cookie()).status()).isEqualTo(200);
    assertThat(Http.get(server.baseUrl() + "/api/sessions/" + id, eve.cookie()).status()).isEqualTo(404);
    assertThat(Http.get(server.baseUrl() + "/api/sessions/" + id, null).status()).isEqualTo(401);
    assertThat(Http.get(server.baseUrl() + "/api/sessions", ada.cookie()).json().get("items").findValuesAsText("id")).contains(id);
    assertThat(Http.get(server.baseUrl() + "/api/sessions", eve.cookie()).json().get("items").findValuesAsText("id")).doesNotContain(id);

    JsonNode join = Http.get(server.baseUrl() + "/api/join/" + Interviewer.token(s)).json();
    assertThat(join.get("title").asText()).isEqualTo("Loop");
    assertThat(join.get("organisationName").asText()).isEqualTo("Org A");
    assertThat(join.has("plan")).isFalse();
    assertThat(Http.get(server.baseUrl() + "/api/join/not-a-token").status()).isEqualTo(404);
  }

  @Test
  void badPlansAreRefused() {
    Interviewer ada = Interviewer.signUp(server, "Org C");
    Http.Reply unknown = Http.post(server.baseUrl() + "/api/sessions", Map.of("title", "T", "candidateName", "C",
        "plan", List.of(Map.of("questionId", "00000000-0000-0000-0000-000000000000"))), ada.cookie());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").get("message").asText()).isEqualTo("A planned question is not in the question bank.");
    Http.Reply noTitle = Http.post(server.baseUrl() + "/api/sessions", Map.of("candidateName", "C"), ada.cookie());
    assertThat(noTitle.json().get("error").get("message").asText()).isEqualTo("Please fill in a title.");
    String q = Http.get(server.baseUrl() + "/api/questions?pageSize=1", ada.cookie()).json().get("items").get(0).get("id").asText();
    Http.Reply twice = Http.post(server.baseUrl() + "/api/sessions", Map.of("title", "T", "candidateName", "C",
        "plan", List.of(Map.of("questionId", q), Map.of("questionId", q))), ada.cookie());
    assertThat(twice.json().get("error").get("message").asText()).isEqualTo("A question can be in the plan only once.");
  }

  @Test
  void anInvitedObserverSeesTheAnswerKeyButCannotEditAndAnUninvitedColleagueCannotJoin() {
    Interviewer ada = Interviewer.signUp(server, "Org D");
    String token = Http.post(server.baseUrl() + "/api/invitations", "{}", ada.cookie()).json().get("token").asText();
    Http.Reply colleague = Http.post(server.baseUrl() + "/api/auth/signup",
        Map.of("invitation", token, "name", "Olive", "email", "olive-" + System.nanoTime() + "@example.com", "password", "a long password"), null);
    String oliveCookie = Interviewer.cookie(colleague);
    String oliveEmail = colleague.json().get("account").get("email").asText();
    JsonNode s = ada.createSession("Observed", "Grace", 1);
    String id = s.get("id").asText();

    try {
      RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, oliveCookie).close();
      throw new AssertionError("an uninvited colleague joined");
    } catch (RoomClient.Refused e) {
      assertThat(e.getMessage()).contains("403");
    }
    Http.Reply invited = Http.post(server.baseUrl() + "/api/sessions/" + id + "/members", Map.of("email", oliveEmail, "role", "observer"), ada.cookie());
    assertThat(invited.status()).isEqualTo(200);
    assertThat(invited.json().get("members").findValuesAsText("role")).contains("observer");
    Http.Reply stranger = Http.post(server.baseUrl() + "/api/sessions/" + id + "/members", Map.of("email", "nobody@example.com"), ada.cookie());
    assertThat(stranger.status()).isEqualTo(404);

    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
         RoomClient olive = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, oliveCookie)) {
      staff.hello();
      olive.send(olive.json("hello"));
      assertThat(olive.await("welcome").get("you").get("role").asText()).isEqualTo("observer");
      staff.send(staff.json("push_question").put("planIndex", 0));
      JsonNode q = olive.await("question").get("question");
      assertThat(q.get("answer").asText()).isNotBlank();
      olive.send(AWholeSessionOverTheLiveProtocolTest.insert(olive, q.get("doc").asText(), 0, "olive", 0, 0, "x"));
      assertThat(olive.await("error").get("code").asText()).isEqualTo("forbidden");
      olive.send(olive.json("note").put("text", "observer note"));
      staff.await("note", n -> n.get("note").get("text").asText().equals("observer note"));
    }
  }
}
