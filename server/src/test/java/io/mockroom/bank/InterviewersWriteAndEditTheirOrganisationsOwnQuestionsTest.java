package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An interviewer adds questions to the bank, edits and removes them: they are their
 * organisation's (its colleagues see and edit them, nobody else sees them), they are searched like
 * imported ones, a session can plan them, a removed one leaves the bank but not the sessions that
 * planned it, and imported questions stay read-only.
 */
class InterviewersWriteAndEditTheirOrganisationsOwnQuestionsTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static Interviewer colleague;
  static Interviewer stranger;

  @BeforeAll
  static void accounts() {
    ada = Interviewer.signUp(server, "Own Questions Org");
    colleague = ada.colleague("Grace");
    stranger = Interviewer.signUp(server, "Another Org");
  }

  static Map<String, Object> draft(String prompt, String topic) {
    Map<String, Object> d = new HashMap<>();
    d.put("prompt", "  " + prompt + "  ");
    d.put("answer", "Use `functools.lru_cache`:\n\n```python\n@lru_cache(maxsize=None)\ndef fib(n): ...\n```");
    d.put("topic", topic);
    d.put("difficulty", "intermediate");
    d.put("keyPoints", List.of("Names the decorator", "  ", "Says what maxsize does"));
    return d;
  }

  static JsonNode create(Interviewer who, Map<String, Object> draft) {
    Http.Reply r = Http.post(server.baseUrl() + "/api/questions", draft, who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  @Test
  void aNewQuestionIsTheOrganisationsAndNobodyElses() {
    JsonNode q = create(ada, draft("How do you memoise a recursive function in Python?", "Memoisation drills"));
    String id = q.get("id").asText();
    assertThat(q.get("prompt").asText()).isEqualTo("How do you memoise a recursive function in Python?");
    assertThat(q.get("origin").asText()).isEqualTo("author");
    assertThat(q.get("author").asText()).isEqualTo("Ada Lovelace");
    assertThat(q.get("keyPoints")).extracting(JsonNode::asText).containsExactly("Names the decorator", "Says what maxsize does");
    assertThat(q.get("difficultyInferred").asBoolean()).isFalse();
    assertThat(q.get("sources")).isEmpty();

    // Found by text search, by topic and by origin, by the author and by a colleague.
    for (Interviewer member : List.of(ada, colleague)) {
      assertThat(ids(Http.get(server.baseUrl() + "/api/questions?q=memoise+recursive", member.cookie()).json())).contains(id);
      JsonNode own = Http.get(server.baseUrl() + "/api/questions?origin=author&pageSize=100", member.cookie()).json();
      assertThat(ids(own)).contains(id);
      own.get("items").forEach(i -> assertThat(i.get("origin").asText()).isEqualTo("author"));
      assertThat(Http.get(server.baseUrl() + "/api/questions/" + id, member.cookie()).status()).isEqualTo(200);
      assertThat(Http.get(server.baseUrl() + "/api/topics", member.cookie()).json().get("topics"))
          .anySatisfy(t -> assertThat(t.get("topic").asText()).isEqualTo("Memoisation drills"));
    }
    // Not by another organisation (signed out, nobody reads the bank).
    assertThat(ids(Http.get(server.baseUrl() + "/api/questions?q=memoise+recursive", stranger.cookie()).json())).doesNotContain(id);
    assertThat(Http.get(server.baseUrl() + "/api/questions/" + id, stranger.cookie()).status()).isEqualTo(404);
    assertThat(Http.get(server.baseUrl() + "/api/topics", stranger.cookie()).json().get("topics"))
        .noneSatisfy(t -> assertThat(t.get("topic").asText()).isEqualTo("Memoisation drills"));
    // The imported bank is every organisation's, and "import" filters it back.
    long imported = Http.get(server.baseUrl() + "/api/questions", stranger.cookie()).json().get("total").asLong();
    assertThat(Http.get(server.baseUrl() + "/api/questions?origin=import", ada.cookie()).json().get("total").asLong()).isEqualTo(imported);
    assertThat(Http.get(server.baseUrl() + "/api/questions", ada.cookie()).json().get("total").asLong()).isGreaterThan(imported);
  }

  @Test
  void aColleagueEditsItAndEveryFieldIsReplaced() throws Exception {
    String id = create(ada, draft("What does a generator expression return?", "Generators")).get("id").asText();
    Map<String, Object> edit = draft("What does a generator expression evaluate to, and when?", "Iteration");
    edit.put("difficulty", "beginner");
    edit.put("keyPoints", List.of("A generator object", "Lazily"));
    edit.put("answer", "A generator object; items are computed as they are asked for.");
    Http.Reply r = Http.put(server.baseUrl() + "/api/questions/" + id, edit, colleague.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode after = Http.get(server.baseUrl() + "/api/questions/" + id, ada.cookie()).json();
    assertThat(after.get("prompt").asText()).isEqualTo("What does a generator expression evaluate to, and when?");
    assertThat(after.get("topic").asText()).isEqualTo("Iteration");
    assertThat(after.get("difficulty").asText()).isEqualTo("beginner");
    assertThat(after.get("answer").asText()).isEqualTo("A generator object; items are computed as they are asked for.");
    assertThat(after.get("keyPoints")).extracting(JsonNode::asText).containsExactly("A generator object", "Lazily");
    assertThat(after.get("author").asText()).as("the author stays who wrote it").isEqualTo("Ada Lovelace");
    assertThat(ids(Http.get(server.baseUrl() + "/api/questions?q=evaluate+generator+expression", ada.cookie()).json()))
        .as("the search follows the edit").contains(id);

    Http.Reply foreign = Http.put(server.baseUrl() + "/api/questions/" + id, edit, stranger.cookie());
    assertThat(foreign.status()).as("another organisation does not learn it exists").isEqualTo(404);
    assertThat(Http.put(server.baseUrl() + "/api/questions/" + id, edit, null).status()).isEqualTo(401);
  }

  @Test
  void anImportedQuestionCannotBeEditedAndStaysAsItWas() {
    JsonNode first = Http.get(server.baseUrl() + "/api/questions?pageSize=1&origin=import", ada.cookie()).json().get("items").get(0);
    String id = first.get("id").asText();
    String before = Http.get(server.baseUrl() + "/api/questions/" + id, ada.cookie()).body();
    Http.Reply r = Http.put(server.baseUrl() + "/api/questions/" + id, draft("Rewritten", "Anything"), ada.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("error").get("message").asText()).contains("cannot be edited").contains("Copy it into a question of your own");
    assertThat(Http.get(server.baseUrl() + "/api/questions/" + id, ada.cookie()).body()).isEqualTo(before);
  }

  @Test
  void aDraftThatCannotBeShownOrScoredIsRefusedWithTheFieldNamed() {
    Map<String, Object> noPrompt = draft("x", "Topic");
    noPrompt.put("prompt", "   ");
    Map<String, Object> badDifficulty = draft("A fine prompt", "Topic");
    badDifficulty.put("difficulty", "hard");
    Map<String, Object> noTopic = draft("A fine prompt", "");
    Map<String, Object> manyPoints = draft("A fine prompt", "Topic");
    manyPoints.put("keyPoints", Collections.nCopies(13, "point"));
    Map<String, Object> longPrompt = draft("p".repeat(QuestionDraft.MAX_PROMPT + 1), "Topic");
    Map<String, Object> unknown = draft("A fine prompt", "Topic");
    unknown.put("answerKey", "?");
    Map<Map<String, Object>, String> cases = Map.of(
        noPrompt, "Please fill in the question.",
        badDifficulty, "Difficulty must be beginner, intermediate or advanced.",
        noTopic, "Please fill in a topic.",
        manyPoints, "at most 12 key points",
        longPrompt, "The question can be at most 10000 characters.",
        unknown, "Unknown field 'answerKey'.");
    long before = Http.get(server.baseUrl() + "/api/questions?origin=author", ada.cookie()).json().get("total").asLong();
    cases.forEach((body, message) -> {
      Http.Reply r = Http.post(server.baseUrl() + "/api/questions", body, ada.cookie());
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().get("error").get("message").asText()).contains(message);
    });
    assertThat(Http.get(server.baseUrl() + "/api/questions?origin=author", ada.cookie()).json().get("total").asLong())
        .as("nothing was stored").isEqualTo(before);
  }

  @Test
  void aSessionPlansTheOrganisationsQuestionAndAnotherOrganisationCannot() {
    String id = create(colleague, draft("Explain the GIL to a new colleague.", "Concurrency drills")).get("id").asText();
    Map<String, Object> session = Map.of("title", "Own question", "candidateName", "Lin", "plan", List.of(Map.of("questionId", id)));
    Http.Reply mine = Http.post(server.baseUrl() + "/api/sessions", session, ada.cookie());
    assertThat(mine.status()).as(mine.body()).isEqualTo(201);
    assertThat(mine.json().get("plan").get(0).get("prompt").asText()).isEqualTo("Explain the GIL to a new colleague.");
    Http.Reply theirs = Http.post(server.baseUrl() + "/api/sessions", session, stranger.cookie());
    assertThat(theirs.status()).as(theirs.body()).isEqualTo(400);
    assertThat(theirs.json().get("error").get("message").asText()).isEqualTo("A planned question is not in the question bank.");
  }

  @Test
  void aRemovedQuestionLeavesTheBankButNotTheSessionsThatPlannedIt() {
    String id = create(ada, draft("Walk me through a dict lookup.", "Dict internals drill")).get("id").asText();
    Map<String, Object> plan = Map.of("title", "Before removal", "candidateName", "Kay", "plan", List.of(Map.of("questionId", id)));
    String session = Http.post(server.baseUrl() + "/api/sessions", plan, ada.cookie()).json().get("id").asText();

    assertThat(Http.delete(server.baseUrl() + "/api/questions/" + id, stranger.cookie()).status())
        .as("another organisation cannot remove it").isEqualTo(404);
    assertThat(Http.delete(server.baseUrl() + "/api/questions/" + id, colleague.cookie()).status()).isEqualTo(204);

    assertThat(Http.get(server.baseUrl() + "/api/questions/" + id, ada.cookie()).status()).isEqualTo(404);
    assertThat(ids(Http.get(server.baseUrl() + "/api/questions?origin=author&pageSize=100", ada.cookie()).json())).doesNotContain(id);
    assertThat(Http.get(server.baseUrl() + "/api/topics", ada.cookie()).json().get("topics"))
        .noneSatisfy(t -> assertThat(t.get("topic").asText()).isEqualTo("Dict internals drill"));
    Http.Reply planAgain = Http.post(server.baseUrl() + "/api/sessions", plan, ada.cookie());
    assertThat(planAgain.status()).as("it cannot be planned any more").isEqualTo(400);
    assertThat(Http.put(server.baseUrl() + "/api/questions/" + id, draft("Back?", "Topic"), ada.cookie()).status()).isEqualTo(404);
    assertThat(Http.delete(server.baseUrl() + "/api/questions/" + id, ada.cookie()).status()).isEqualTo(404);

    JsonNode planned = Http.get(server.baseUrl() + "/api/sessions/" + session, ada.cookie()).json().get("plan");
    assertThat(planned).hasSize(1);
    assertThat(planned.get(0).get("prompt").asText()).as("the session keeps its plan").isEqualTo("Walk me through a dict lookup.");

    String imported = Http.get(server.baseUrl() + "/api/questions?pageSize=1&origin=import", ada.cookie()).json().get("items").get(0).get("id").asText();
    Http.Reply refused = Http.delete(server.baseUrl() + "/api/questions/" + imported, ada.cookie());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").get("message").asText()).contains("cannot be removed");
  }
}
