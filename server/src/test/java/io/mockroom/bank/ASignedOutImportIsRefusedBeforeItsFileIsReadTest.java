package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The import takes files up to 2 MiB, eight times any other request, so it reads a file only for
 * someone signed in: a request without a valid login is answered 401 while its body is still on
 * the way, not after the server has taken it all.
 */
class ASignedOutImportIsRefusedBeforeItsFileIsReadTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  /** Sends the head of a 2 MB import and 1 KiB of its body, never the rest; the status line of the answer. */
  private static String answerToAnUnfinishedImport(String cookieHeader) throws Exception {
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
      // The answer must come while the body is unfinished: waiting for the rest would never end.
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/questions/import?dryRun=true HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + (2 * 1000 * 1000) + "\r\n" + cookieHeader + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(("{\"questions\": [" + " ".repeat(1024)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  @Test
  void withoutALoginTheAnswerComesBeforeTheFile() throws Exception {
    assertThat(answerToAnUnfinishedImport("")).isEqualTo("HTTP/1.1 401 Unauthorized");
  }

  @Test
  void withALoginThatIsNoLongerValidTheAnswerComesBeforeTheFile() throws Exception {
    assertThat(answerToAnUnfinishedImport("Cookie: mockroom_session=signed-out-long-ago\r\n"))
        .isEqualTo("HTTP/1.1 401 Unauthorized");
  }
}
