package io.mockroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigWithChangesOnlyTheNamedFieldTest {

  // Every field away from its default, so that a with… that dropped or swapped one would show.
  private static final Config BASE = Config.load(Map.of(
      "MOCKROOM_HOST", "10.1.2.3",
      "MOCKROOM_PORT", "9123",
      "MOCKROOM_DATA_DIR", "/srv/mockroom",
      "MOCKROOM_DATABASE_URL", "postgresql://mock:pw@db.internal:6543/mockroom",
      "MOCKROOM_LOG_LEVEL", "debug",
      "MOCKROOM_IMPORT_BANK", "false",
      "MOCKROOM_DB_POOL_SIZE", "17",
      "MOCKROOM_PUBLIC_URL", "https://interviews.example.com",
      "MOCKROOM_PASSWORD_ITERATIONS", "123456",
      "MOCKROOM_SOCKET_SILENCE_SECONDS", "45"), List.of("--trusted-proxies=10.0.0.0/8", "--cluster", "--cluster-name=prod",
      "--metrics-token=scrape-token-0123456789", "--open-signup=true", "--retention-days=400"));

  @Test
  void eachWithChangesItsOwnFieldAndKeepsEveryOther() {
    DatabaseUrl other = DatabaseUrl.parse("test", "postgresql://x:y@elsewhere:5432/other");
    TrustedProxies proxies = TrustedProxies.parse("test", "127.0.0.1");
    ClusterConfig off = ClusterConfig.off();

    assertThat(BASE.withDatabaseUrl(other)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), Optional.of(other),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), BASE.cluster(), BASE.metricsToken(), BASE.openSignup(), BASE.retentionDays()));
    assertThat(BASE.withSocketSilenceSeconds(5)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        5, BASE.trustedProxies(), BASE.cluster(), BASE.metricsToken(), BASE.openSignup(), BASE.retentionDays()));
    assertThat(BASE.withTrustedProxies(proxies)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), proxies, BASE.cluster(), BASE.metricsToken(), BASE.openSignup(), BASE.retentionDays()));
    assertThat(BASE.withCluster(off)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), off, BASE.metricsToken(), BASE.openSignup(), BASE.retentionDays()));
    assertThat(BASE.withPort(0)).isEqualTo(new Config(BASE.host(), 0, BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), BASE.cluster(), BASE.metricsToken(), BASE.openSignup(), BASE.retentionDays()));
    java.net.URI publicUrl = java.net.URI.create("https://interviews.example.com");
    assertThat(BASE.withPublicUrl(publicUrl)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), Optional.of(publicUrl), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), BASE.cluster(), BASE.metricsToken(), BASE.openSignup(), BASE.retentionDays()));
    assertThat(BASE.withImportBank(true)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), true, BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), BASE.cluster(), BASE.metricsToken(), BASE.openSignup(), BASE.retentionDays()));
    assertThat(BASE.withMetricsToken("another-token-0123456789")).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(),
        BASE.databaseUrl(), BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), BASE.cluster(), Optional.of(new Secret("another-token-0123456789")), BASE.openSignup(), BASE.retentionDays()));
    assertThat(BASE.withOpenSignup(false)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), BASE.cluster(), BASE.metricsToken(), false, BASE.retentionDays()));
    assertThat(BASE.withRetentionDays(30)).isEqualTo(new Config(BASE.host(), BASE.port(), BASE.dataDir(), BASE.databaseUrl(),
        BASE.logLevel(), BASE.importBank(), BASE.dbPoolSize(), BASE.publicUrl(), BASE.passwordIterations(),
        BASE.socketSilenceSeconds(), BASE.trustedProxies(), BASE.cluster(), BASE.metricsToken(), BASE.openSignup(), 30));
  }

  @Test
  void theBaseReallyHasEveryFieldAwayFromItsDefault() {
    assertThat(BASE.host()).isEqualTo("10.1.2.3");
    assertThat(BASE.dataDir()).isEqualTo(Path.of("/srv/mockroom"));
    assertThat(BASE.publicUrl()).contains(URI.create("https://interviews.example.com"));
    assertThat(BASE.passwordIterations()).isEqualTo(123456);
    assertThat(BASE.trustedProxies().isEmpty()).isFalse();
    assertThat(BASE.cluster().enabled()).isTrue();
    assertThat(BASE.metricsToken()).contains(new Secret("scrape-token-0123456789"));
    assertThat(BASE.openSignup()).isTrue();
    assertThat(BASE.retentionDays()).isEqualTo(400);
  }

  @Test
  void aWithLeavesTheOriginalAsItWas() {
    Config before = BASE.withPort(BASE.port());
    BASE.withPort(1).withImportBank(true).withSocketSilenceSeconds(5);
    assertThat(BASE).isEqualTo(before);
  }

  @Test
  void aMissingDatabaseUrlIsRefusedAsBefore() {
    assertThatThrownBy(() -> BASE.withDatabaseUrl(null)).isInstanceOf(NullPointerException.class);
  }
}
