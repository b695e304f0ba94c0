package io.mockroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFailsFastNamingTheKeyTest {

  @Test
  void defaultsAreThoseInTheReadme() {
    Config c = Config.load(Map.of("HOME", "/home/ada"), List.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.dataDir()).isEqualTo(Path.of("/home/ada/.mockroom"));
    assertThat(c.databaseUrl()).isEmpty();
    assertThat(c.logLevel()).isEqualTo("info");
    assertThat(c.importBank()).isTrue();
    assertThat(c.openSignup()).isFalse();
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Config c = Config.load(Map.of("MOCKROOM_PORT", "9000", "MOCKROOM_LOG_LEVEL", "WARN"),
        List.of("--port=9100", "--data-dir", "/tmp/mr"));
    assertThat(c.port()).isEqualTo(9100);
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/mr"));
    assertThat(c.logLevel()).isEqualTo("warn");
  }

  @Test
  void aDatabaseUrlIsParsedAndItsPasswordNeverPrinted() {
    Config c = Config.load(Map.of("MOCKROOM_DATABASE_URL", "postgresql://mock:s%40cret@db.internal:6543/mockroom"), List.of());
    DatabaseUrl url = c.databaseUrl().orElseThrow();
    assertThat(url.host()).isEqualTo("db.internal");
    assertThat(url.port()).isEqualTo(6543);
    assertThat(url.database()).isEqualTo("mockroom");
    assertThat(url.user()).isEqualTo("mock");
    assertThat(url.password()).isEqualTo("s@cret");
    assertThat(url.toString()).doesNotContain("s@cret").doesNotContain("s%40cret");
  }

  @Test
  void clusteringIsOffUnlessAskedAndTheSwitchNeedsNoValue() {
    assertThat(Config.load(Map.of(), List.of()).cluster().enabled()).isFalse();
    Config c = Config.load(Map.of("MOCKROOM_CLUSTER_MEMBERS", "10.0.0.5:5701, node2 ,node3:5701-5703",
            "MOCKROOM_DATABASE_URL", "postgresql://mock:pw@db:5432/mockroom"),
        List.of("--cluster", "--cluster-port=5801"));
    assertThat(c.cluster().enabled()).isTrue();
    assertThat(c.cluster().port()).isEqualTo(5801);
    // Hazelcast takes no port range: a range becomes one member per port.
    assertThat(c.cluster().members()).containsExactly("10.0.0.5:5701", "node2", "node3:5701", "node3:5702", "node3:5703");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_CLUSTER_MEMBERS", "node3:5703-5701"), List.of()))
        .hasMessage("MOCKROOM_CLUSTER_MEMBERS: 'node3:5703-5701' is not a range of at most 100 ports from low to high");
    // Each node's embedded database would be its own: a cluster needs one shared Postgres.
    assertThatThrownBy(() -> Config.load(Map.of(), List.of("--cluster")))
        .hasMessage("MOCKROOM_CLUSTER: needs MOCKROOM_DATABASE_URL: every node of a cluster must use the same Postgres");
    assertThat(c.cluster().kubernetesService()).isEmpty();
    assertThat(Config.load(Map.of("MOCKROOM_CLUSTER_KUBERNETES_SERVICE", "mockroom-hazelcast.default.svc.cluster.local"), List.of())
        .cluster().kubernetesService()).contains("mockroom-hazelcast.default.svc.cluster.local");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_CLUSTER_MEMBERS", "10.0.0.5:57o1"), List.of()))
        .hasMessageStartingWith("MOCKROOM_CLUSTER_MEMBERS: '10.0.0.5:57o1' is not host, host:port");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_CLUSTER", "sometimes"), List.of()))
        .hasMessage("MOCKROOM_CLUSTER: 'sometimes' is not true or false");
  }

  @Test
  void trustedProxiesAreNobodyUnlessListedAndABadEntryNamesTheKey() {
    assertThat(Config.load(Map.of(), List.of()).trustedProxies().isEmpty()).isTrue();
    assertThat(Config.load(Map.of("MOCKROOM_TRUSTED_PROXIES", "  "), List.of()).trustedProxies().isEmpty()).isTrue();
    Config c = Config.load(Map.of("MOCKROOM_TRUSTED_PROXIES", "172.16.0.0/12, 10.0.0.5,fd00::/8"), List.of());
    assertThat(c.trustedProxies().toString()).isEqualTo("172.16.0.0/12,10.0.0.5/32,fd00:0:0:0:0:0:0:0/8");
    assertThat(Config.load(Map.of("MOCKROOM_TRUSTED_PROXIES", "10.0.0.0/8"), List.of("--trusted-proxies=127.0.0.1"))
        .trustedProxies().toString()).as("the flag wins").isEqualTo("127.0.0.1/32");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_TRUSTED_PROXIES", "10.0.0.300/8"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("MOCKROOM_TRUSTED_PROXIES: '10.0.0.300/8' is not an IP address or CIDR range");
    assertThatThrownBy(() -> Config.load(Map.of(), List.of("--trusted-proxies", "10.0.0.0/8,haproxy")))
        .hasMessage("MOCKROOM_TRUSTED_PROXIES: 'haproxy' is not an IP address or CIDR range");
    assertThat(Config.forTests(Path.of("unused")).trustedProxies().isEmpty()).isTrue();
  }

  @Test
  void badValuesNameTheKeyAndTheReason() {
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_PORT", "eighty"), List.of()))
        .isInstanceOf(ConfigException.class).hasMessage("MOCKROOM_PORT: 'eighty' is not a whole number");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_PORT", "70000"), List.of()))
        .hasMessage("MOCKROOM_PORT: 70000 is outside 0..65535");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_DATABASE_URL", "mysql://a:b@h/db"), List.of()))
        .hasMessageStartingWith("MOCKROOM_DATABASE_URL: does not start with postgresql://");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_DATABASE_URL", "postgresql://h:5432"), List.of()))
        .hasMessageStartingWith("MOCKROOM_DATABASE_URL: has no database name");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_LOG_LEVEL", "loud"), List.of()))
        .hasMessageStartingWith("MOCKROOM_LOG_LEVEL: 'loud' is not one of");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_IMPORT_BANK", "maybe"), List.of()))
        .hasMessage("MOCKROOM_IMPORT_BANK: 'maybe' is not true or false");
    assertThatThrownBy(() -> Config.load(Map.of(), List.of("--prot=1")))
        .hasMessageStartingWith("--prot: unknown flag");
    assertThatThrownBy(() -> Config.load(Map.of(), List.of("--port")))
        .hasMessageStartingWith("--port: needs a value");
  }

  @Test
  void aMetricsTokenMustBeLongAndIsNeverPrinted() {
    Config c = Config.load(Map.of("MOCKROOM_METRICS_TOKEN", "0123456789abcdef0123"), List.of());
    assertThat(c.metricsToken().orElseThrow().value()).isEqualTo("0123456789abcdef0123");
    assertThat(c.toString()).doesNotContain("0123456789abcdef0123");
    assertThat(Config.load(Map.of(), List.of()).metricsToken()).isEmpty();
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_METRICS_TOKEN", "short-secret"), List.of()))
        .hasMessage("MOCKROOM_METRICS_TOKEN: is shorter than 16 characters; make one with: openssl rand -hex 32")
        .message().doesNotContain("short-secret");
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_METRICS_TOKEN", "with a space 0123456789"), List.of()))
        .hasMessage("MOCKROOM_METRICS_TOKEN: may hold only printable ASCII without spaces; make one with: openssl rand -hex 32");
  }
}
