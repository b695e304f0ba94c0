package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mockroom.MockroomServer;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An operator's first start logged only "is up at http://localhost:8080/": nothing of where to
 * begin, nor that candidate links made at that address reach no other machine. While the server
 * has no organisation it says where to create one; without MOCKROOM_PUBLIC_URL it says what links
 * will carry. Once there is an organisation, and with a public URL, it says neither.
 */
class AFirstStartSaysWhereToCreateTheOrganisationAndWhatLinksWillCarryTest {
  private final Logger serverLog = (Logger) LoggerFactory.getLogger(MockroomServer.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    serverLog.addAppender(logged);
  }

  @AfterEach
  void stop() {
    serverLog.detachAppender(logged);
  }

  @Test
  void anEmptyServerWithoutAPublicUrlSaysBoth() {
    try (TestServer server = TestServer.start(c -> c.withOpenSignup(false))) {
      assertThat(lines()).contains(
          "Links to share (candidate links, invitations) take the address the browser used; set MOCKROOM_PUBLIC_URL to"
              + " the one candidates reach (e.g. https://interviews.example.com) if it is not that",
          "No organisation yet: open http://127.0.0.1:" + server.port() + "/signup to create yours (its first account is"
              + " the owner); everyone after joins through an invitation link (\"Invite a colleague\", on the sessions page)");
    }
  }

  @Test
  void aServerWithItsOrganisationAndAPublicUrlSaysNeither() {
    try (TestServer first = TestServer.start(c -> c.withOpenSignup(false))) {
      Interviewer.signUp(first, "Acme");
      logged.list.clear();
      try (TestServer again = TestServer.start(first.database())) {
        assertThat(lines()).noneMatch(l -> l.startsWith("No organisation yet"));
      }
    }
    logged.list.clear();
    try (TestServer server = TestServer.start(c -> c.withPublicUrl(URI.create("https://interviews.example.com")))) {
      assertThat(lines()).noneMatch(l -> l.startsWith("Links to share"))
          .contains("No organisation yet: open https://interviews.example.com/signup to create yours (its first account is"
              + " the owner); anyone who reaches this server may create one (MOCKROOM_OPEN_SIGNUP)");
    }
  }

  private List<String> lines() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
