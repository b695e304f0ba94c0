package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import io.mockroom.text.VisibleText;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An audit signed up as "\u200B" (a zero-width space): it passed the blank check and showed as
 * nothing in the room and the lists. Only-invisible texts count as empty; anything visible is
 * kept exactly as sent.
 */
class ANameOfOnlyInvisibleCharactersIsAnEmptyNameTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void whatCountsAsShowingNothing() {
    for (String blank : new String[] {"\u200B", "\u200B\u200D\u2060\uFEFF", "\u00AD", "\u200E\u200F", " \u3000\u00A0",
        "\u3164", "\u2800", "\u0007", "\uDB40\uDC7F"}) {
      assertThat(VisibleText.hasVisible(blank)).as("U+%04X…", (int) blank.charAt(0)).isFalse();
    }
    for (String shown : new String[] {"a", "\u200BAda\u200B", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\u0301", "·", "\uFFFD", "ß"}) {
      assertThat(VisibleText.hasVisible(shown)).as(shown).isTrue();
    }
  }

  @Test
  void aSignupSessionOrQuestionWithAnInvisibleNameIsRefusedAndAVisibleOneKeptAsSent() {
    Http.Reply signup = Http.post(server.baseUrl() + "/api/auth/signup", Map.of("organisation", "Invisible Org",
        "name", "\u200B\u200D", "email", "zw@example.com", "password", "correct horse battery"), null);
    assertThat(signup.status()).isEqualTo(400);
    assertThat(signup.json().at("/error/message").asText()).isEqualTo("Please fill in your name.");

    Interviewer ada = Interviewer.signUp(server, "Visible Org");
    Http.Reply session = Http.post(server.baseUrl() + "/api/sessions", Map.of("title", "Loop", "candidateName", "\uFEFF\u2060"), ada.cookie());
    assertThat(session.status()).isEqualTo(400);
    assertThat(session.json().at("/error/message").asText()).isEqualTo("Please fill in the candidate's name.");

    Http.Reply kept = Http.post(server.baseUrl() + "/api/sessions",
        Map.of("title", "Pair \uD83D\uDC69\u200D\uD83D\uDCBB", "candidateName", "Zoë"), ada.cookie());
    assertThat(kept.status()).as(kept.body()).isEqualTo(201);
    String title = Http.get(server.baseUrl() + "/api/sessions/" + kept.json().get("id").asText(), ada.cookie()).json().get("title").asText();
    assertThat(title).isEqualTo("Pair \uD83D\uDC69\u200D\uD83D\uDCBB");
  }
}
