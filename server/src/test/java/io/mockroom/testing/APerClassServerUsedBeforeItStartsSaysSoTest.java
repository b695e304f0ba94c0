package io.mockroom.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A {@link TestServer#perClass()} that JUnit has not started fails with how to use it, not with a null. */
class APerClassServerUsedBeforeItStartsSaysSoTest {

  @Test
  void everyCallBeforeBeforeAllNamesTheFix() {
    TestServer notStarted = TestServer.perClass();
    assertThatThrownBy(notStarted::port).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not running").hasMessageContaining("@RegisterExtension");
    assertThatThrownBy(notStarted::baseUrl).hasMessageContaining("is not running");
    assertThatThrownBy(notStarted::vertx).hasMessageContaining("is not running");
    assertThatThrownBy(notStarted::database).hasMessageContaining("is not running");
    assertThatThrownBy(notStarted::close).hasMessageContaining("is not running");
  }
}
