package io.mockroom.bank;

import static io.mockroom.bank.OwnQuestionFiles.assertCounts;
import static io.mockroom.bank.OwnQuestionFiles.draft;
import static io.mockroom.bank.OwnQuestionFiles.exported;
import static io.mockroom.bank.OwnQuestionFiles.importFile;
import static io.mockroom.bank.OwnQuestionFiles.ownCount;
import static io.mockroom.bank.OwnQuestionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organisation exports its own questions and another imports the file: the second
 * organisation then has the same questions, field by field and in the same order — from the JSON
 * file and from the Markdown one, also for texts that look like the Markdown file's own headings.
 * They are the importer's organisation's own: written by its account, editable.
 */
class AnExportImportedIntoAnotherOrganisationGivesTheSameQuestionsTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static JsonNode adas;

  @BeforeAll
  static void adaWritesQuestions() {
    ada = Interviewer.signUp(server, "Exporters Ltd");
    write(ada, draft("How do you memoise a pure function in Python?", "Caching", "intermediate",
        List.of("Names functools.lru_cache", "Says what maxsize does"),
        "Use `functools.lru_cache`:\n\n```python\n@lru_cache(maxsize=None)\ndef fib(n): ...\n```"));
    // An answer whose lines look like the Markdown file's structure, in and out of a code fence.
    write(ada, draft("What does this Markdown render as?", "Markdown 🦆", "beginner", List.of("- a key point that starts with a dash", "*stars*"),
        "## Question 2\n\n### Prompt\n\n\\### Key points\n\n\\\\## Question\n\n```markdown\n## Question 9\n### Reference answer\n```\n\n"
            + "- Topic: not a topic\n\ttabbed   \ntrailing spaces   \nLast line."));
    // A prompt over several lines, one of which is a field heading; no key points, no answer.
    write(ada, draft("Read this:\n### Reference answer\nand say what it is.", "Reading", "advanced", List.of(), ""));
    // Twelve key points: the most a question may have.
    write(ada, draft("Name twelve built-in functions.", "Built-ins", "beginner",
        IntStream.rangeClosed(1, 12).mapToObj(i -> "Built-in number " + i).toList(), "`len`, `map`, …"));
    String removed = write(ada, draft("A question removed from the bank", "Gone", "beginner", List.of(), "Gone."));
    assertThat(Http.delete(server.baseUrl() + "/api/questions/" + removed, ada.cookie()).status()).isEqualTo(204);
    adas = exported(ada);
  }

  @Test
  void theJsonExportHasEveryOwnQuestionAsTheEditorShowsIt() {
    Http.Reply r = OwnQuestionFiles.export(ada, "json");
    assertThat(r.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"exporters-ltd-questions-" + LocalDate.now(ZoneOffset.UTC) + ".json\"");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.json().get("format").asText()).isEqualTo("mockroom-questions");
    assertThat(r.json().get("version").asInt()).isEqualTo(1);
    assertThat(adas).hasSize(4);
    List<String> prompts = new ArrayList<>();
    adas.forEach(q -> prompts.add(q.get("prompt").asText()));
    assertThat(prompts).as("oldest first, without the removed one").containsExactly(
        "How do you memoise a pure function in Python?", "What does this Markdown render as?",
        "Read this:\n### Reference answer\nand say what it is.", "Name twelve built-in functions.");
    JsonNode bank = Http.get(server.baseUrl() + "/api/questions?origin=author&pageSize=100", ada.cookie()).json().get("items");
    for (JsonNode item : bank) {
      JsonNode detail = Http.get(server.baseUrl() + "/api/questions/" + item.get("id").asText(), ada.cookie()).json();
      JsonNode inFile = null;
      for (JsonNode q : adas) if (q.get("prompt").equals(detail.get("prompt"))) inFile = q;
      assertThat(inFile).as(detail.get("prompt").asText()).isNotNull();
      for (String field : List.of("topic", "difficulty", "keyPoints", "answer")) {
        assertThat(inFile.get(field)).as(field).isEqualTo(detail.get(field));
      }
    }
  }

  @Test
  void theJsonFileImportedElsewhereGivesEqualQuestions() {
    Interviewer bob = Interviewer.signUp(server, "Importers Inc");
    String file = OwnQuestionFiles.export(ada, "json").body();

    Http.Reply preview = importFile(bob, file, true);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertCounts(preview.json(), 4, 0, 0, 0);
    assertThat(preview.json().get("dryRun").asBoolean()).isTrue();
    assertThat(preview.json().get("imported").asBoolean()).isFalse();
    assertThat(ownCount(bob)).as("a dry run writes nothing").isZero();

    Http.Reply done = importFile(bob, file, false);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertCounts(done.json(), 4, 0, 0, 0);
    assertThat(done.json().get("imported").asBoolean()).isTrue();
    assertThat(exported(bob)).isEqualTo(adas);

    // Bob's organisation's own: written by his account, and he may edit them.
    String id = done.json().get("questions").get(0).get("id").asText();
    JsonNode q = Http.get(server.baseUrl() + "/api/questions/" + id, bob.cookie()).json();
    assertThat(q.get("origin").asText()).isEqualTo("author");
    assertThat(q.get("prompt").asText()).isEqualTo("How do you memoise a pure function in Python?");
    assertThat(Sql.one(server.database(), "select author_id::text from questions where id = ?::uuid", id)).isEqualTo(bob.id());
    Http.Reply edit = Http.put(server.baseUrl() + "/api/questions/" + id,
        draft("How do you memoise a pure function?", "Caching", "intermediate", List.of(), "lru_cache"), bob.cookie());
    assertThat(edit.status()).as(edit.body()).isEqualTo(200);
    assertThat(Http.get(server.baseUrl() + "/api/questions/" + id, ada.cookie()).status()).as("not Ada's organisation's").isEqualTo(404);
  }

  @Test
  void theMarkdownFileImportedElsewhereGivesEqualQuestions() {
    Interviewer carol = Interviewer.signUp(server, "Readers & Co");
    Http.Reply md = OwnQuestionFiles.export(ada, "md");
    assertThat(md.status()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
    assertThat(md.headers().firstValue("Content-Disposition").orElse("")).endsWith(".md\"");
    assertThat(md.body()).startsWith("# Questions of Exporters Ltd\n").contains("\n## Question 4\n").doesNotContain("## Question 5")
        .contains("\n\\## Question 2\n", "\n\\\\\\## Question\n", "\n\\### Reference answer\n");

    Http.Reply done = importFile(carol, md.body(), false);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("format").asText()).isEqualTo("markdown");
    assertCounts(done.json(), 4, 0, 0, 0);
    assertThat(exported(carol)).isEqualTo(adas);
  }
}
