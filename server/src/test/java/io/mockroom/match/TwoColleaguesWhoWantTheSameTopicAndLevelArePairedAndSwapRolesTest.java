package io.mockroom.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The peer practice lobby: someone asks for a partner for a topic and level and waits; a colleague
 * asking for the same is paired with them at once, and they get two sessions — the one who waited
 * interviews first, then they swap — planned with that topic's questions, and never the same
 * questions in both rounds. Other levels, other organisations and closed tabs are not paired.
 */
class TwoColleaguesWhoWantTheSameTopicAndLevelArePairedAndSwapRolesTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static String biggestTopic() {
    return Http.get(server.baseUrl() + "/api/topics", server.reader().cookie()).json().get("topics").get(0).get("topic").asText();
  }

  static JsonNode ask(Interviewer who, String topic, String level) {
    Http.Reply r = Http.post(server.baseUrl() + "/api/practice", Map.of("topic", topic, "difficulty", level), who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonNode look(Interviewer who) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/practice", who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theOneWhoWaitedInterviewsFirstThenTheySwap() {
    String topic = biggestTopic();
    Interviewer ada = Interviewer.signUp(server, "Practice Org");
    Interviewer grace = ada.colleague("Grace Hopper");
    Interviewer edsger = ada.colleague("Edsger Dijkstra");

    assertThat(look(ada).get("status").asText()).isEqualTo("idle");
    JsonNode waiting = ask(ada, topic, "intermediate");
    assertThat(waiting.get("status").asText()).isEqualTo("waiting");
    assertThat(waiting.get("topic").asText()).isEqualTo(topic);
    assertThat(ask(edsger, topic, "advanced").get("status").asText()).as("another level waits apart").isEqualTo("waiting");

    JsonNode paired = ask(grace, topic, "intermediate");
    assertThat(paired.get("status").asText()).isEqualTo("paired");
    assertThat(paired.get("partner").asText()).isEqualTo("Ada Lovelace");
    JsonNode adaSees = look(ada);
    assertThat(adaSees.get("status").asText()).isEqualTo("paired");
    assertThat(adaSees.get("partner").asText()).isEqualTo("Grace Hopper");
    assertThat(look(edsger).get("status").asText()).isEqualTo("waiting");

    // Round 1: Ada (who waited) interviews Grace; round 2 the other way round.
    JsonNode adaRounds = adaSees.get("rounds");
    JsonNode graceRounds = paired.get("rounds");
    assertThat(adaRounds.get(0).get("yourRole").asText()).isEqualTo("interviewer");
    assertThat(adaRounds.get(0).get("candidate").asText()).isEqualTo("Grace Hopper");
    assertThat(adaRounds.get(1).get("yourRole").asText()).isEqualTo("candidate");
    assertThat(graceRounds.get(0).get("yourRole").asText()).isEqualTo("candidate");
    assertThat(graceRounds.get(1).get("yourRole").asText()).isEqualTo("interviewer");
    assertThat(adaRounds.get(0).get("url").asText()).endsWith("/rooms/" + adaRounds.get(0).get("sessionId").asText());
    assertThat(graceRounds.get(0).get("url").asText()).contains("/join/");
    assertThat(adaRounds.get(1).get("url").asText()).contains("/join/");

    // The sessions: each interviewer's own, the candidate named and linked by email, planned with
    // the topic's questions, no question in both rounds.
    String first = adaRounds.get(0).get("sessionId").asText();
    String second = adaRounds.get(1).get("sessionId").asText();
    JsonNode one = Http.get(server.baseUrl() + "/api/sessions/" + first, ada.cookie()).json();
    JsonNode two = Http.get(server.baseUrl() + "/api/sessions/" + second, grace.cookie()).json();
    assertThat(one.get("candidateName").asText()).isEqualTo("Grace Hopper");
    assertThat(one.get("candidateEmail").asText()).isEqualTo(grace.account().get("email").asText());
    assertThat(two.get("candidateName").asText()).isEqualTo("Ada Lovelace");
    assertThat(one.get("members").get(0).get("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(two.get("members").get(0).get("name").asText()).isEqualTo("Grace Hopper");
    Set<String> planned = new HashSet<>();
    for (JsonNode s : new JsonNode[] {one, two}) {
      assertThat(s.get("plan").size()).isEqualTo(PracticeLobby.QUESTIONS_PER_ROUND);
      s.get("plan").forEach(p -> {
        assertThat(p.get("topic").asText()).isEqualTo(topic);
        assertThat(planned.add(p.get("questionId").asText())).as("a question in both rounds: " + p).isTrue();
      });
    }
    for (JsonNode s : new JsonNode[] {one, two}) {
      s.get("plan").forEach(p -> assertThat(p.get("difficulty").asText()).as("the topic has enough at this level").isEqualTo("intermediate"));
    }
  }

  @Test
  void nobodyIsPairedAcrossOrganisationsOrWithAClosedTab() {
    String topic = biggestTopic();
    Interviewer alan = Interviewer.signUp(server, "Org A");
    Interviewer barbara = Interviewer.signUp(server, "Org B");
    ask(alan, topic, "intermediate");
    assertThat(ask(barbara, topic, "intermediate").get("status").asText()).isEqualTo("waiting");

    // Alan's colleague Joan asks, but Alan's tab has been closed for a minute: Joan waits.
    Interviewer joan = alan.colleague("Joan Clarke");
    Sql.execute(server.database(), "update practice_requests set seen_at = now() - interval '1 minute' where account_id = ?::uuid", alan.id());
    assertThat(ask(joan, topic, "intermediate").get("status").asText()).isEqualTo("waiting");
    // Alan comes back: looking at the lobby pairs him with Joan, who waited meanwhile.
    JsonNode back = look(alan);
    assertThat(back.get("status").asText()).isEqualTo("paired");
    assertThat(back.get("partner").asText()).isEqualTo("Joan Clarke");
    assertThat(back.get("rounds").get(0).get("yourRole").asText()).as("Joan waited").isEqualTo("candidate");

    // Cancelling leaves the lobby.
    assertThat(Http.delete(server.baseUrl() + "/api/practice", barbara.cookie()).json().get("status").asText()).isEqualTo("idle");
  }

  @Test
  void askingAgainMovesTheRequestToTheNewTopicOrLevel() {
    String topic = biggestTopic();
    Interviewer ada = Interviewer.signUp(server, "Fickle Org");
    Interviewer grace = ada.colleague("Grace Hopper");
    Interviewer alan = ada.colleague("Alan Turing");
    ask(ada, topic, "intermediate");
    JsonNode moved = ask(ada, topic, "advanced");
    assertThat(moved.get("status").asText()).isEqualTo("waiting");
    assertThat(moved.get("difficulty").asText()).isEqualTo("advanced");
    assertThat(ask(grace, topic, "intermediate").get("status").asText()).as("Ada left that queue").isEqualTo("waiting");
    JsonNode paired = ask(alan, topic, "advanced");
    assertThat(paired.get("status").asText()).isEqualTo("paired");
    assertThat(paired.get("partner").asText()).isEqualTo("Ada Lovelace");
  }

  @Test
  void someoneWhoCannotOpenAnotherSessionIsNeitherQueuedNorPaired() {
    String topic = biggestTopic();
    Interviewer busy = Interviewer.signUp(server, "Busy Org");
    Interviewer grace = busy.colleague("Grace Hopper");
    Interviewer alan = busy.colleague("Alan Turing");
    ask(grace, topic, "advanced");
    for (int i = 0; i < io.mockroom.room.SessionStore.MAX_OPEN_PER_ACCOUNT; i++) grace.createSession("Open " + i, "Someone", 0);
    // Grace waits but can open no session: Alan is not paired with her (it would fail), he waits.
    assertThat(ask(alan, topic, "advanced").get("status").asText()).isEqualTo("waiting");
    Http.Reply refused = Http.post(server.baseUrl() + "/api/practice", Map.of("topic", topic, "difficulty", "advanced"), grace.cookie());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").get("message").asText()).contains("sessions that have not ended");
    // Busy's own request, a third colleague's, pairs with Alan as usual.
    JsonNode paired = ask(busy, topic, "advanced");
    assertThat(paired.get("status").asText()).isEqualTo("paired");
    assertThat(paired.get("partner").asText()).isEqualTo("Alan Turing");
  }

  @Test
  void aTopicWithTooFewQuestionsForTwoRoundsIsFilledUpFromOtherTopicsAtTheLevel() {
    Interviewer ada = Interviewer.signUp(server, "Niche Org");
    Interviewer grace = ada.colleague("Grace Hopper");
    String topic = "Knitting in Python";
    Http.Reply written = Http.post(server.baseUrl() + "/api/questions", Map.of("prompt", "How would you model a knitting pattern?",
        "answer", "With a list of rows.", "topic", topic, "difficulty", "beginner", "keyPoints", java.util.List.of("Rows")), ada.cookie());
    assertThat(written.status()).as(written.body()).isEqualTo(201);
    String theTopicsOne = written.json().get("id").asText();

    ask(ada, topic, "beginner");
    JsonNode paired = ask(grace, topic, "beginner");
    Set<String> planned = new HashSet<>();
    int ofTheTopic = 0;
    for (JsonNode round : paired.get("rounds")) {
      JsonNode session = Http.get(server.baseUrl() + "/api/sessions/" + round.get("sessionId").asText(), grace.cookie()).json();
      assertThat(session.get("plan").size()).as("every round has its questions").isEqualTo(PracticeLobby.QUESTIONS_PER_ROUND);
      for (JsonNode p : session.get("plan")) {
        assertThat(planned.add(p.get("questionId").asText())).as("a question in both rounds: " + p).isTrue();
        assertThat(p.get("difficulty").asText()).as("the bank has enough at the level").isEqualTo("beginner");
        if (p.get("topic").asText().equals(topic)) ofTheTopic++;
      }
      if (round.get("number").asInt() == 1) {
        assertThat(session.get("plan").get(0).get("questionId").asText()).as("the topic's own question comes first").isEqualTo(theTopicsOne);
      }
    }
    assertThat(ofTheTopic).isEqualTo(1);
  }

  @Test
  void eitherPartnerMayLeaveThePairingAndLookAgain() {
    String topic = biggestTopic();
    Interviewer ada = Interviewer.signUp(server, "Leaving Org");
    Interviewer grace = ada.colleague("Grace Hopper");
    ask(ada, topic, "beginner");
    JsonNode paired = ask(grace, topic, "beginner");
    String round = paired.get("rounds").get(0).get("sessionId").asText();

    JsonNode left = Http.delete(server.baseUrl() + "/api/practice", grace.cookie()).json();
    assertThat(left.get("status").asText()).isEqualTo("idle");
    assertThat(look(grace).get("status").asText()).as("gone for good").isEqualTo("idle");
    assertThat(look(ada).get("partner").asText()).as("her partner still sees it").isEqualTo("Grace Hopper");
    assertThat(Http.get(server.baseUrl() + "/api/sessions/" + round, ada.cookie()).json().get("status").asText())
        .as("its sessions stay as they are").isEqualTo("scheduled");
    assertThat(ask(grace, topic, "advanced").get("status").asText()).isEqualTo("waiting");
  }

  @Test
  void aTopicThatIsNotInTheBankOrABadLevelIsRefused() {
    Interviewer ada = Interviewer.signUp(server, "Picky Org");
    Http.Reply topic = Http.post(server.baseUrl() + "/api/practice", Map.of("topic", "Knitting", "difficulty", "beginner"), ada.cookie());
    assertThat(topic.status()).isEqualTo(400);
    assertThat(topic.json().get("error").get("message").asText()).isEqualTo("'Knitting' is not a topic of the question bank.");
    Http.Reply level = Http.post(server.baseUrl() + "/api/practice", Map.of("topic", biggestTopic(), "difficulty", "expert"), ada.cookie());
    assertThat(level.status()).isEqualTo(400);
    assertThat(level.json().get("error").get("message").asText()).isEqualTo("Level must be beginner, intermediate or advanced.");
    assertThat(look(ada).get("status").asText()).isEqualTo("idle");
    assertThat(Http.get(server.baseUrl() + "/api/practice").status()).isEqualTo(401);
  }
}
