package io.mockroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A MOCKROOM_ variable that is no setting (MOCKROOM_PROT for MOCKROOM_PORT) was ignored without a
 * word, and the server started on its default: the start now names each one (an operator audit).
 */
class AMistypedSettingIsReportedNotSilentlyIgnoredTest {

  @Test
  void onlyVariablesThatAreNoSettingAreNamed() {
    Map<String, String> env = Map.of(
        "MOCKROOM_PROT", "9000",
        "MOCKROOM_PORT", "8081",
        "MOCKROOM_DATABSE_URL", "postgresql://x:y@db/mockroom",
        "MOCKROOM_BENCH_SERVER_JVM", "-Xmx1g",
        "HOME", "/home/someone");
    assertThat(Config.unknownVariables(env)).containsExactly("MOCKROOM_DATABSE_URL", "MOCKROOM_PROT");
    assertThat(Config.unknownVariables(Map.of("MOCKROOM_CLUSTER_MEMBERS", "a,b", "MOCKROOM_LOG_LEVEL", "warn"))).isEmpty();
  }
}
