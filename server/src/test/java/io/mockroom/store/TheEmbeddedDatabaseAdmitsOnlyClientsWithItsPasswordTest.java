package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Folders;
import io.mockroom.testing.Sql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded Postgres asks every client for its superuser's password, which the server makes
 * up on the first start and keeps in its data folder for its owner only; it has no Unix socket
 * (it had one in /tmp that anyone on the machine could use, as anyone could use its TCP port).
 * A data folder an older Mockroom left, where every local connection was trusted, gets a
 * password on its first start with this code and keeps its data.
 */
class TheEmbeddedDatabaseAdmitsOnlyClientsWithItsPasswordTest {

  @Test
  void aNewDataFolderGetsAPasswordThatEveryConnectionNeedsAndARestartKeeps() throws Exception {
    Path dir = Files.createTempDirectory("mockroom-pg-password");
    try {
      EmbeddedDatabase pg = EmbeddedDatabase.start(dir, 0, false);
      String password;
      try {
        Path file = dir.resolve("postgres").resolve("superuser-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        password = Files.readString(file).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32).isEqualTo(pg.url().password());
        assertThat(Sql.one(pg.url(), "select 1")).isEqualTo(1);

        assertRefused(pg.url());
        assertThat(Sql.one(pg.url(), "show unix_socket_directories")).isEqualTo("");
        assertThat(Path.of("/tmp/.s.PGSQL." + pg.url().port())).doesNotExist();
        assertThat(hbaRules(dir)).isNotEmpty().allMatch(l -> l.endsWith("scram-sha-256"));
        Sql.execute(pg.url(), "checkpoint");
        assertThat(postgresLog(dir)).noneMatch(l -> l.contains(password));
      } finally {
        pg.close();
      }

      EmbeddedDatabase again = EmbeddedDatabase.start(dir, 0, false);
      try {
        assertThat(again.url().password()).isEqualTo(password);
        assertThat(Sql.one(again.url(), "select 1")).isEqualTo(1);
        assertRefused(again.url());
      } finally {
        again.close();
      }
    } finally {
      Folders.delete(dir);
    }
  }

  @Test
  void aDataFolderAnOlderMockroomTrustedEveryoneInGetsAPasswordAndKeepsItsData() throws Exception {
    Path dir = Files.createTempDirectory("mockroom-pg-upgrade");
    try {
      // What the code before this change left: the library's initdb (every local connection
      // trusted, no password), started with the old settings, holding a row.
      EmbeddedPostgres old = EmbeddedPostgres.builder()
          .setDataDirectory(dir.resolve("postgres"))
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      try {
        DatabaseUrl trusted = new DatabaseUrl("127.0.0.1", old.getPort(), "postgres", "postgres", "");
        Sql.execute(trusted, "create table kept (note text)");
        Sql.execute(trusted, "insert into kept values ('written before the upgrade')");
      } finally {
        old.close();
      }
      assertThat(hbaRules(dir)).anyMatch(l -> l.endsWith("trust"));
      assertThat(dir.resolve("postgres").resolve("superuser-password")).doesNotExist();

      EmbeddedDatabase pg = EmbeddedDatabase.start(dir, 0, false);
      try {
        Path file = dir.resolve("postgres").resolve("superuser-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Sql.one(pg.url(), "select note from kept")).isEqualTo("written before the upgrade");
        assertRefused(pg.url());
        assertThat(hbaRules(dir)).isNotEmpty().noneMatch(l -> l.endsWith("trust"));
      } finally {
        pg.close();
      }
    } finally {
      Folders.delete(dir);
    }
  }

  @Test
  void aSecondStartOnAFolderInUseStopsAtOnceAndTheFirstKeepsItsDatabase() throws Exception {
    Path dir = Files.createTempDirectory("mockroom-pg-twice");
    try {
      EmbeddedDatabase pg = EmbeddedDatabase.start(dir, 0, false);
      try {
        assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0, false))
            .hasMessage("Another Mockroom (pid " + ProcessHandle.current().pid() + ") is using " + dir.toAbsolutePath()
                + ". Stop it first, or start this one with another MOCKROOM_DATA_DIR.");
        assertThat(Sql.one(pg.url(), "select 1")).isEqualTo(1);
      } finally {
        pg.close();
      }
    } finally {
      Folders.delete(dir);
    }
  }

  /** Without the password, and with a wrong one, the server turns the superuser away. */
  private static void assertRefused(DatabaseUrl url) {
    assertThatThrownBy(() -> connect(url, "")).isInstanceOf(SQLException.class).hasMessageContaining("password");
    assertThatThrownBy(() -> connect(url, "not-" + url.password()))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01")); // invalid_password
  }

  private static void connect(DatabaseUrl url, String password) throws SQLException {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), "postgres", password)) {
      c.createStatement().execute("select 1");
    }
  }

  /** pg_hba.conf without comments and blank lines, spaces collapsed. */
  private static List<String> hbaRules(Path dir) throws Exception {
    return Files.readAllLines(dir.resolve("postgres").resolve("pg_hba.conf")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.replaceAll("\\s+", " ")).toList();
  }

  private static List<String> postgresLog(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("postgres").resolve("log"))) {
      return files.flatMap(f -> {
        try {
          return Files.readAllLines(f).stream();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
