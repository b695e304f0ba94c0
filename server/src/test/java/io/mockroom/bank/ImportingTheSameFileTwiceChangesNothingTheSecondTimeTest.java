package io.mockroom.bank;

import static io.mockroom.bank.OwnQuestionFiles.assertCounts;
import static io.mockroom.bank.OwnQuestionFiles.draft;
import static io.mockroom.bank.OwnQuestionFiles.importFile;
import static io.mockroom.bank.OwnQuestionFiles.ownCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A file imported a second time creates nothing and writes nothing (not even {@code updated_at}),
 * also when it holds two questions with the same prompt, and also from the Markdown export of what
 * it created. The same prompt with other case and spacing updates the question instead of adding one.
 */
class ImportingTheSameFileTwiceChangesNothingTheSecondTimeTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static String file(List<Map<String, Object>> questions) throws Exception {
    return Json.MAPPER.writeValueAsString(Map.of("questions", questions));
  }

  static final List<Map<String, Object>> QUESTIONS = List.of(
      draft("Implement an LRU cache.", "Python data structures", "intermediate", List.of("OrderedDict", "move_to_end"), "Use `OrderedDict`."),
      // The editor lets two questions share a prompt: each is matched to its own twin.
      draft("Implement an LRU cache.", "Systems design", "advanced", List.of("Eviction", "Concurrency"), "A hash map and a list."),
      draft("What is the GIL?", "Concurrency", "beginner", List.of(), "The global interpreter lock."));

  List<Map<String, Object>> rows(Interviewer who) {
    return Sql.rows(server.database(), """
        select id, prompt, topic, difficulty, key_points::text, answer, updated_at, author_id from questions
         where organisation_id = ?::uuid order by created_at, id""", who.account().get("organisationId").asText());
  }

  @Test
  void aSecondImportOfTheFileIsUnchangedThroughout() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Twice Importers");
    Http.Reply first = importFile(ada, file(QUESTIONS), false);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertCounts(first.json(), 3, 0, 0, 0);
    List<Map<String, Object>> before = rows(ada);
    assertThat(before).hasSize(3);

    Http.Reply again = importFile(ada, file(QUESTIONS), false);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertCounts(again.json(), 0, 0, 3, 0);
    for (int i = 0; i < 3; i++) {
      JsonNode q = again.json().get("questions").get(i);
      assertThat(q.get("outcome").asText()).isEqualTo("unchanged");
      assertThat(q.get("id").asText()).as("question %d matches the one it created", i + 1)
          .isEqualTo(first.json().get("questions").get(i).get("id").asText());
    }
    assertThat(rows(ada)).as("not a row written, not even updated_at").isEqualTo(before);

    // The Markdown export of the same questions is the same file to the import.
    String markdown = OwnQuestionFiles.export(ada, "md").body();
    Http.Reply fromMarkdown = importFile(ada, markdown, false);
    assertThat(fromMarkdown.status()).as(fromMarkdown.body()).isEqualTo(200);
    assertCounts(fromMarkdown.json(), 0, 0, 3, 0);
    assertThat(rows(ada)).isEqualTo(before);
  }

  @Test
  void theSamePromptInOtherCaseAndSpacingUpdatesTheQuestion() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Respellers");
    assertThat(importFile(ada, file(QUESTIONS), false).status()).isEqualTo(200);
    String gil = rows(ada).get(2).get("id").toString();

    String respelt = file(List.of(draft("  what IS\n the   gil? ", "Concurrency", "beginner", List.of("Lock"), "The global interpreter lock.")));
    Http.Reply dry = importFile(ada, respelt, true);
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertCounts(dry.json(), 0, 1, 0, 0);
    JsonNode planned = dry.json().get("questions").get(0);
    assertThat(planned.get("id").asText()).isEqualTo(gil);
    assertThat(planned.get("changed")).extracting(JsonNode::asText).containsExactly("prompt", "keyPoints");
    assertThat(rows(ada).get(2).get("prompt")).as("a dry run writes nothing").isEqualTo("What is the GIL?");

    assertThat(importFile(ada, respelt, false).status()).isEqualTo(200);
    assertThat(ownCount(ada)).isEqualTo(3);
    Map<String, Object> updated = rows(ada).get(2);
    assertThat(updated.get("id").toString()).isEqualTo(gil);
    assertThat(updated.get("prompt")).isEqualTo("what IS\n the   gil?");
    assertThat(updated.get("key_points")).isEqualTo("[\"Lock\"]");
  }
}
