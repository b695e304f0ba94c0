package io.mockroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app and its API are served from the root of the server's address, and shared links are
 * MOCKROOM_PUBLIC_URL plus {@code /join/…}: a base with a path (a reverse proxy's sub-folder), a
 * query, a fragment or a user was accepted, and every candidate link made then opened nothing.
 * The start now stops, naming the setting and saying what to give.
 */
class APublicUrlWithAPathIsRefusedAtStartTest {

  @Test
  void aPathQueryFragmentOrUserIsAConfigurationError() {
    for (String bad : List.of("https://interviews.example.com/mockroom", "https://interviews.example.com/mockroom/",
        "https://interviews.example.com/?x=1", "https://interviews.example.com#top", "https://ada@interviews.example.com")) {
      assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_PUBLIC_URL", bad), List.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessage("MOCKROOM_PUBLIC_URL: '" + bad + "' has more than a scheme, host and port; Mockroom is served at the"
              + " root of its address (not under a path), so give only those, e.g. https://interviews.example.com");
    }
  }

  @Test
  void anOriginWithOrWithoutItsTrailingSlashOrAPortIsTaken() {
    for (String good : List.of("https://interviews.example.com", "https://interviews.example.com/", "http://10.0.0.5:8080",
        "http://[fd00::5]:8080/")) {
      assertThat(Config.load(Map.of("MOCKROOM_PUBLIC_URL", good), List.of()).publicUrl().orElseThrow().toString())
          .isEqualTo(good.endsWith("/") ? good.substring(0, good.length() - 1) : good);
    }
  }
}
