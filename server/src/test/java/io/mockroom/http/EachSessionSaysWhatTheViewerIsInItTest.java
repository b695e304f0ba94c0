package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/sessions} and {@code GET /api/sessions/{id}} carry {@code yourRole}, the signed-in
 * account's role in each session — {@code "interviewer"} for its creator and those invited as one,
 * {@code "observer"} for those invited as one, null for a colleague not invited — so the sessions
 * list offers "Delete…" only to those the server lets delete it. A role changed by an interviewer
 * is what the next list says.
 */
class EachSessionSaysWhatTheViewerIsInItTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static Interviewer olive;
  static Interviewer ivan;
  static Interviewer carl;

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Roles Org");
    olive = ada.colleague("Olive Observer");
    ivan = ada.colleague("Ivan Interviewer");
    carl = ada.colleague("Carl Colleague");
  }

  @Test
  void theListAndTheSessionSayWhoInterviewsObservesOrIsNotInvited() {
    String adas = ada.createSession("Ada's", "Gina", 1).get("id").asText();
    String ivans = ivan.createSession("Ivan's", "Hugo", 1).get("id").asText();
    invite(ada, adas, olive, "observer");
    invite(ada, adas, ivan, "interviewer");

    assertThat(listed(ada)).containsEntry(adas, "interviewer").containsEntry(ivans, null);
    assertThat(listed(ivan)).containsEntry(adas, "interviewer").containsEntry(ivans, "interviewer");
    assertThat(listed(olive)).containsEntry(adas, "observer").containsEntry(ivans, null);
    assertThat(listed(carl)).containsEntry(adas, null).containsEntry(ivans, null);

    assertThat(detailRole(ada, adas)).isEqualTo("interviewer");
    assertThat(detailRole(olive, adas)).isEqualTo("observer");
    assertThat(detailRole(carl, adas)).isNull();
    assertThat(detailRole(ada, ivans)).isNull();
  }

  @Test
  void aRoleChangedByAnInterviewerIsWhatTheNextListSays() {
    String id = ada.createSession("Changing", "Mona", 1).get("id").asText();
    invite(ada, id, carl, "observer");
    assertThat(listed(carl)).containsEntry(id, "observer");
    invite(ada, id, carl, "interviewer");
    assertThat(listed(carl)).containsEntry(id, "interviewer");
    invite(ada, id, carl, "observer");
    assertThat(listed(carl)).containsEntry(id, "observer");
  }

  @Test
  void whatTheListSaysIsWhatDeletingIsAllowedTo() {
    String id = ada.createSession("To delete", "Nina", 1).get("id").asText();
    invite(ada, id, olive, "observer");
    invite(ada, id, ivan, "interviewer");
    for (Interviewer notAllowed : new Interviewer[] {olive, carl}) {
      assertThat(listed(notAllowed).get(id)).isNotEqualTo("interviewer");
      assertThat(Http.delete(server.baseUrl() + "/api/sessions/" + id, notAllowed.cookie()).status()).isEqualTo(403);
    }
    assertThat(listed(ivan)).containsEntry(id, "interviewer");
    assertThat(Http.delete(server.baseUrl() + "/api/sessions/" + id, ivan.cookie()).status()).isEqualTo(204);
  }

  /** Session id to {@code yourRole} (null when the JSON says null) in the list as {@code viewer} gets it. */
  private static Map<String, String> listed(Interviewer viewer) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/sessions", viewer.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode s : r.json().get("items")) {
      assertThat(s.has("yourRole")).as("every item has yourRole: " + s).isTrue();
      out.put(s.get("id").asText(), s.get("yourRole").isNull() ? null : s.get("yourRole").asText());
    }
    return out;
  }

  private static String detailRole(Interviewer viewer, String id) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/sessions/" + id, viewer.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode role = r.json().get("yourRole");
    assertThat(role).as("the session has yourRole: " + r.body()).isNotNull();
    return role.isNull() ? null : role.asText();
  }

  private static void invite(Interviewer by, String id, Interviewer who, String role) {
    Http.Reply r = Http.post(server.baseUrl() + "/api/sessions/" + id + "/members",
        Map.of("email", who.account().get("email").asText(), "role", role), by.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
