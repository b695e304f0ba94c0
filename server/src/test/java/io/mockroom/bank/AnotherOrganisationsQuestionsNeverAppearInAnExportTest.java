package io.mockroom.bank;

import static io.mockroom.bank.OwnQuestionFiles.assertCounts;
import static io.mockroom.bank.OwnQuestionFiles.draft;
import static io.mockroom.bank.OwnQuestionFiles.exported;
import static io.mockroom.bank.OwnQuestionFiles.importFile;
import static io.mockroom.bank.OwnQuestionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An export holds the questions its organisation wrote and nothing else: not another
 * organisation's, not the imported seed bank, not removed ones; colleagues export the same file,
 * and nobody signed out exports anything. An import writes into the importer's organisation
 * alone, even when another organisation has a question with the same prompt.
 */
class AnotherOrganisationsQuestionsNeverAppearInAnExportTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static Interviewer grace;
  static Interviewer stranger;
  static String strangersQuestion;

  @BeforeAll
  static void twoOrganisationsWriteQuestions() {
    ada = Interviewer.signUp(server, "Home Org");
    grace = ada.colleague("Grace Hopper");
    stranger = Interviewer.signUp(server, "Away Org");
    write(ada, draft("What is a closure?", "Functions", "intermediate", List.of("Captures variables"), "A function with its scope."));
    String removed = write(grace, draft("What is a lambda?", "Functions", "beginner", List.of(), "An anonymous function."));
    assertThat(Http.delete(server.baseUrl() + "/api/questions/" + removed, ada.cookie()).status()).isEqualTo(204);
    strangersQuestion = write(stranger, draft("What is a closure?", "Secret topic", "advanced", List.of("Stranger's key point"), "Stranger's answer."));
  }

  static List<String> prompts(JsonNode questions) {
    List<String> out = new ArrayList<>();
    questions.forEach(q -> out.add(q.get("prompt").asText() + " / " + q.get("topic").asText()));
    return out;
  }

  @Test
  void theExportHasOnlyTheOrganisationsOwnQuestions() {
    assertThat(prompts(exported(ada))).containsExactly("What is a closure? / Functions");
    assertThat(exported(grace)).as("a colleague exports the same questions").isEqualTo(exported(ada));
    assertThat(prompts(exported(stranger))).containsExactly("What is a closure? / Secret topic");

    String markdown = OwnQuestionFiles.export(ada, "md").body();
    assertThat(markdown).contains("What is a closure?").doesNotContain("Secret topic", "Stranger's", "lambda");
    // Not one imported seed question (the bank has hundreds; any of them would do).
    JsonNode seed = Http.get(server.baseUrl() + "/api/questions?origin=import&pageSize=1", ada.cookie()).json().get("items").get(0);
    assertThat(markdown).doesNotContain(seed.get("prompt").asText());
    assertThat(exported(Interviewer.signUp(server, "Empty Org"))).as("an organisation that wrote nothing exports nothing").isEmpty();
  }

  @Test
  void nobodySignedOutExportsAnything() {
    Http.Reply r = Http.get(server.baseUrl() + "/api/questions/export?format=json");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).doesNotContain("closure");
    assertThat(Http.post(server.baseUrl() + "/api/questions/import?dryRun=true", "[]", null).status()).isEqualTo(401);
  }

  @Test
  void anImportWritesIntoTheImportersOrganisationAlone() {
    String before = Http.get(server.baseUrl() + "/api/questions/" + strangersQuestion, stranger.cookie()).body();
    List<String> adasBefore = prompts(exported(ada));
    Interviewer newcomer = Interviewer.signUp(server, "Newcomer Org");
    Http.Reply r = importFile(newcomer, """
        [{"prompt": "WHAT is a closure?", "topic": "Functions", "difficulty": "advanced", "keyPoints": [], "answer": "Changed."}]""", false);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertCounts(r.json(), 1, 0, 0, 0);
    assertThat(prompts(exported(newcomer))).containsExactly("WHAT is a closure? / Functions");
    assertThat(Http.get(server.baseUrl() + "/api/questions/" + strangersQuestion, stranger.cookie()).body())
        .as("other organisations' questions with that prompt are untouched").isEqualTo(before);
    assertThat(prompts(exported(ada))).isEqualTo(adasBefore);
  }

  @Test
  void aBadFormatIsRefused() {
    Http.Reply r = Http.get(server.baseUrl() + "/api/questions/export?format=pdf", ada.cookie());
    assertThat(r.status()).isEqualTo(400);
    assertThat(Http.get(server.baseUrl() + "/api/questions/export?format=json&page=2", ada.cookie()).status()).isEqualTo(400);
  }
}
