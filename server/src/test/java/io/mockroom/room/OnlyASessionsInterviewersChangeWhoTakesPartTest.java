package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who takes part in a session — its members and their roles, and which candidate it is about — is
 * changed by the session's interviewers only (its creator, or a colleague invited as interviewer).
 * An observer cannot promote itself, a colleague who was not invited cannot invite itself, and the
 * creator stays an interviewer. (An audit found any account of the organisation could make itself
 * interviewer of any session and end it.)
 */
class OnlyASessionsInterviewersChangeWhoTakesPartTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static Http.Reply invite(String session, Interviewer by, Interviewer whom, String role) {
    return Http.post(server.baseUrl() + "/api/sessions/" + session + "/members",
        Map.of("email", whom.account().get("email").asText(), "role", role), by.cookie());
  }

  static List<String> members(String session, Interviewer reader) {
    List<String> out = new ArrayList<>();
    Http.get(server.baseUrl() + "/api/sessions/" + session, reader.cookie()).json().get("members")
        .forEach(m -> out.add(m.get("name").asText() + ":" + m.get("role").asText()));
    return out;
  }

  @Test
  void observersAndUninvitedColleaguesAreRefusedAndTheCreatorStaysAnInterviewer() {
    Interviewer ada = Interviewer.signUp(server, "Roles Org");
    Interviewer olga = ada.colleague("Olga Observer");
    Interviewer bob = ada.colleague("Bob Bystander");
    String session = ada.createSession("Roles", "Casey", 1).get("id").asText();
    assertThat(invite(session, ada, olga, "observer").status()).isEqualTo(200);

    Http.Reply promoted = invite(session, olga, olga, "interviewer");
    assertThat(promoted.status()).as(promoted.body()).isEqualTo(403);
    assertThat(promoted.json().get("error").get("code").asText()).isEqualTo("not_an_interviewer");
    assertThat(promoted.json().get("error").get("message").asText())
        .isEqualTo("Only this session's interviewers can invite colleagues to it or change their role.");
    assertThat(invite(session, bob, bob, "observer").status()).as("a colleague not invited").isEqualTo(403);
    Http.Reply relinked = Http.post(server.baseUrl() + "/api/sessions/" + session + "/candidate", Map.of("email", "else@example.com"), olga.cookie());
    assertThat(relinked.status()).isEqualTo(403);
    assertThat(relinked.json().get("error").get("message").asText()).isEqualTo("Only this session's interviewers can change its candidate.");

    Http.Reply demoted = invite(session, olga, ada, "observer");
    assertThat(demoted.status()).isEqualTo(403);
    Http.Reply self = invite(session, ada, ada, "observer");
    assertThat(self.status()).as(self.body()).isEqualTo(409);
    assertThat(self.json().get("error").get("message").asText()).isEqualTo("Ada Lovelace created this session and is always one of its interviewers.");

    assertThat(members(session, bob)).as("nothing changed, and everyone of the organisation may still read it")
        .containsExactlyInAnyOrder("Ada Lovelace:interviewer", "Olga Observer:observer");
  }

  @Test
  void anInvitedInterviewerMayInviteAndChangeRolesToo() {
    Interviewer ada = Interviewer.signUp(server, "Co-interviewers Org");
    Interviewer grace = ada.colleague("Grace Hopper");
    Interviewer bob = ada.colleague("Bob Bystander");
    String session = ada.createSession("Panel", "Casey", 1).get("id").asText();
    assertThat(invite(session, ada, grace, "interviewer").status()).isEqualTo(200);
    assertThat(invite(session, grace, bob, "interviewer").status()).isEqualTo(200);
    assertThat(invite(session, grace, bob, "observer").status()).isEqualTo(200);
    assertThat(members(session, ada)).containsExactlyInAnyOrder("Ada Lovelace:interviewer", "Grace Hopper:interviewer", "Bob Bystander:observer");
  }
}
