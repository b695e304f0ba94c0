package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reverse proxy that does not pass the browser's Host on (nginx's default proxy_pass) makes
 * every page's Origin differ from the Host the server sees: an audit found every change and every
 * room socket refused as cross-origin behind one. The origin of MOCKROOM_PUBLIC_URL is this
 * server's too; any other still is not.
 */
class BehindAProxyThePublicUrlsOriginIsThisServersTest {
  static final String PUBLIC = "https://interviews.example.com";

  @RegisterExtension
  static final TestServer server = TestServer.perClass(c -> c.withPublicUrl(URI.create(PUBLIC + "/")));

  @Test
  void changesAndRoomSocketsFromThePublicOriginAreTakenAndOthersRefused() {
    Interviewer ada = Interviewer.signUp(server, "Proxied Org");
    assertThat(Http.post(server.baseUrl() + "/api/invitations", "{}", ada.cookie(), "Origin", PUBLIC).status()).isEqualTo(201);
    Http.Reply forged = Http.post(server.baseUrl() + "/api/invitations", "{}", ada.cookie(), "Origin", "https://evil.example");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(Http.post(server.baseUrl() + "/api/invitations", "{}", ada.cookie(), "Origin", "http://interviews.example.com").status())
        .as("another scheme is another origin").isEqualTo(403);

    String room = "/ws/rooms/" + ada.createSession("Proxied", "Casey", 1).get("id").asText();
    try (RoomClient staff = RoomClient.connectFrom(server.vertx(), server.port(), room, ada.cookie(), PUBLIC)) {
      staff.hello();
    }
    assertThatThrownBy(() -> RoomClient.connectFrom(server.vertx(), server.port(), room, ada.cookie(), "https://evil.example"))
        .isInstanceOf(RoomClient.Refused.class).hasMessageContaining("403");
  }
}
