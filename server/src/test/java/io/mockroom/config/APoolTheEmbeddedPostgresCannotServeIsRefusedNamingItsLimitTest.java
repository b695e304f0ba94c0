package io.mockroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.store.EmbeddedDatabase;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MOCKROOM_DB_POOL_SIZE went up to 200, the embedded Postgres's max_connections, though the event
 * log holds a connection of its own and psql or pg_dump need some while it runs: the last ones
 * would have been refused ("too many clients already") only once the pool filled up under load.
 * With the embedded Postgres the start now stops at once, naming the limit and why; an external
 * Postgres keeps the whole range.
 */
class APoolTheEmbeddedPostgresCannotServeIsRefusedNamingItsLimitTest {

  @Test
  void withTheEmbeddedPostgresAPoolAbove189IsAConfigurationError() {
    assertThat(Config.load(Map.of("MOCKROOM_DB_POOL_SIZE", "189"), List.of()).dbPoolSize()).isEqualTo(189);
    assertThatThrownBy(() -> Config.load(Map.of("MOCKROOM_DB_POOL_SIZE", "190"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("MOCKROOM_DB_POOL_SIZE: 190 is more than the embedded Postgres can serve: of its 200 connections the event"
            + " log holds 1 and 10 are kept for psql and pg_dump, which leaves 189 for the pool; set 189 or less, or use an"
            + " external Postgres (MOCKROOM_DATABASE_URL) sized for 191 connections");
    assertThatThrownBy(() -> Config.load(Map.of(), List.of("--db-pool-size=200")))
        .hasMessageStartingWith("MOCKROOM_DB_POOL_SIZE: 200 is more than the embedded Postgres can serve");
  }

  @Test
  void anExternalPostgresTakesAPoolOfUpTo200() {
    Map<String, String> external = Map.of("MOCKROOM_DATABASE_URL", "postgresql://mock:pw@db:5432/mockroom",
        "MOCKROOM_DB_POOL_SIZE", "200");
    assertThat(Config.load(external, List.of()).dbPoolSize()).isEqualTo(200);
    assertThatThrownBy(() -> Config.load(external, List.of("--db-pool-size=201")))
        .hasMessage("MOCKROOM_DB_POOL_SIZE: 201 is outside 1..200");
  }

  @Test
  void theLimitIsTheEmbeddedPostgresOwn() {
    // The arithmetic above holds only while Postgres runs with the max_connections it counts from.
    assertThat(Sql.one(SharedPostgres.admin(), "show max_connections")).isEqualTo("200");
    assertThat(EmbeddedDatabase.MAX_CONNECTIONS).isEqualTo(200);
  }
}
