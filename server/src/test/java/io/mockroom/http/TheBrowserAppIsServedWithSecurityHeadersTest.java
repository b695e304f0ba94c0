package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TheBrowserAppIsServedWithSecurityHeadersTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void everyAppPathGetsTheIndexPageWithStrictHeaders() {
    for (String path : new String[] {"/", "/bank", "/bank?q=gil", "/some/deep/link"}) {
      Http.Reply r = Http.get(server.baseUrl() + path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).contains("<script").contains("app.js");
      assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void theScriptBundleIsServed() {
    Http.Reply r = Http.get(server.baseUrl() + "/app.js");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    assertThat(r.body().length()).isGreaterThan(1000);
  }
}
