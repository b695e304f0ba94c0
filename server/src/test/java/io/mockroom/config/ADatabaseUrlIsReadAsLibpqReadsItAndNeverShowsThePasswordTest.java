package io.mockroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ADatabaseUrlIsReadAsLibpqReadsItAndNeverShowsThePasswordTest {
  private static final String KEY = "MOCKROOM_DATABASE_URL";
  private static final String ENCODE = "percent-encode special characters in the user and password"
      + " (%40 for @, %3A for :, %2F for /, %3F for ?, %23 for #, %25 for %, %20 for a space)";

  @Test
  void aMalformedUrlSaysWhatIsWrongAndHowToFixItWithoutThePassword() {
    assertThatThrownBy(() -> load("postgresql://mockroom:my secret@db:5432/mockroom"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(KEY + ": the password has a character that must be percent-encoded; " + ENCODE);
    assertThatThrownBy(() -> load("postgresql://mockroom:my{secret@db:5432/mockroom"))
        .hasMessage(KEY + ": the password has a character that must be percent-encoded; " + ENCODE);
    assertThatThrownBy(() -> load("postgresql://mockroom:my%secret@db:5432/mockroom"))
        .hasMessage(KEY + ": the password has a % that is not followed by two hex digits; " + ENCODE);
    assertThatThrownBy(() -> load("postgresql://mock room:secret@db:5432/mockroom"))
        .hasMessage(KEY + ": the user has a character that must be percent-encoded; " + ENCODE);
  }

  @Test
  void noMistakeInTheUrlPrintsAnyPartOfThePassword() {
    String password = "Sekr1t";
    List<String> wrong = List.of(
        "postgresql://mockroom:" + password + " x@db:5432/mockroom",
        "postgresql://mockroom:" + password + "{@db:5432/mockroom",
        "postgresql://mockroom:" + password + "%zz@db:5432/mockroom",
        "postgresql://mockroom:" + password + "%ff@db:5432/mockroom", // not UTF-8
        "postgresql://mockroom:" + password + "/x@db:5432/mockroom", // an unencoded / in the password
        "postgresql://mockroom:" + password + "?x@db:5432/mockroom",
        "postgresql://mockroom:" + password + "#x@db:5432/mockroom",
        "postgresql://mockroom:" + password + "@x@db:5432/mockroom",
        "postgresql://mockroom:pw@db:5432/mockroom#" + password,
        "postgresql://mockroom:" + password + "/mockroom", // no @: host and port would be the user and password
        "postgresql://mockroom:x?" + password + "=1/mockroom",
        "postgresql://mockroom:" + password + "@db:5432",
        "postgresql://mockroom:pw@db:5432/mockroom?password=" + password,
        "postgresql://mockroom:pw@db:5432/mockroom?sslmode=require&password=" + password,
        "mockroom:" + password + "@db:5432/mockroom",
        "mysql" + password + "://mockroom:pw@db:5432/mockroom",
        "jdbc:postgresql://mockroom:" + password + "@db:5432/mockroom");
    for (String url : wrong) {
      assertThatThrownBy(() -> load(url)).as(url).isInstanceOf(ConfigException.class)
          .message().startsWith(KEY + ": ").doesNotContainIgnoringCase(password.substring(1));
    }
  }

  @Test
  void percentDecodingKeepsAPlusAsAPlus() {
    assertThat(parse("postgresql://plus:a+b@db/mockroom").password()).isEqualTo("a+b");
    assertThat(parse("postgresql://plus:a%2Bb@db/mockroom").password()).isEqualTo("a+b");
    assertThat(parse("postgresql://pl%75s:a%20b%40c%2F%3F%23%25%3A:d%C3%A9@db/mockroom"))
        .satisfies(u -> assertThat(u.user()).isEqualTo("plus"))
        .satisfies(u -> assertThat(u.password()).isEqualTo("a b@c/?#%::dé"));
    assertThat(parse("postgresql://mockroom@db/mockroom").password()).isEmpty();
    assertThat(parse("postgresql://mockroom:pw@db/mock%20room").database()).isEqualTo("mock room");
  }

  @Test
  void theHostPortAndDatabaseAreReadAsBefore() {
    DatabaseUrl url = parse("postgres://mockroom:pw@db.internal/mockroom");
    assertThat(url.host()).isEqualTo("db.internal");
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.database()).isEqualTo("mockroom");
    DatabaseUrl v6 = parse("postgresql://mockroom:pw@[::1]:6543/mockroom");
    assertThat(v6.host()).isEqualTo("::1");
    assertThat(v6.port()).isEqualTo(6543);
    assertThat(v6.toString()).isEqualTo("postgresql://mockroom:***@[::1]:6543/mockroom");
    assertThatThrownBy(() -> load("postgresql://mockroom:pw@db:99999/mockroom"))
        .hasMessage(KEY + ": has a port that is not a number from 1 to 65535; expected postgresql://user:password@host:5432/database");
    assertThatThrownBy(() -> load("postgresql://mockroom:pw@db:5432/"))
        .hasMessage(KEY + ": has no database name after the host, e.g. …:5432/mockroom");
    assertThatThrownBy(() -> load("https://mockroom:pw@db:5432/mockroom"))
        .hasMessage(KEY + ": does not start with postgresql:// (or postgres://); expected postgresql://user:password@host:5432/database");
  }

  @Test
  void everySslmodeIsReadAndPreferIsTheDefaultAsInLibpq() {
    assertThat(parse("postgresql://u:p@db/x").sslMode()).isEqualTo(SslMode.PREFER);
    assertThat(parse("postgresql://u:p@db/x?sslmode=disable").sslMode()).isEqualTo(SslMode.DISABLE);
    assertThat(parse("postgresql://u:p@db/x?sslmode=prefer").sslMode()).isEqualTo(SslMode.PREFER);
    assertThat(parse("postgresql://u:p@db/x?sslmode=require").sslMode()).isEqualTo(SslMode.REQUIRE);
    assertThat(parse("postgresql://u:p@db/x?sslmode=verify-ca").sslMode()).isEqualTo(SslMode.VERIFY_CA);
    assertThat(parse("postgresql://u:p@db/x?sslmode=verify-full").sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    assertThat(parse("postgresql://u:p@db:5433/x?sslmode=verify-full"))
        .hasToString("postgresql://u:***@db:5433/x?sslmode=verify-full");
    assertThat(parse("postgresql://u:p@db/x?sslmode=prefer")).hasToString("postgresql://u:***@db:5432/x");
  }

  @Test
  void anUnknownSslmodeOrParameterIsAConfigurationErrorNamingIt() {
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=allow"))
        .hasMessage(KEY + ": sslmode 'allow' is not one of disable, prefer, require, verify-ca, verify-full");
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=REQUIRE"))
        .hasMessageContaining("sslmode 'REQUIRE' is not one of");
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?connect_timeout=10"))
        .hasMessage(KEY + ": unknown parameter 'connect_timeout'; the only ones understood are sslmode"
            + " (disable, prefer, require, verify-ca, verify-full) and sslrootcert");
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=require&sslmode=disable"))
        .hasMessage(KEY + ": gives sslmode twice");
  }

  @Test
  void theJdbcUrlCarriesTheSslmodeWithTheSameCertificateChecks() {
    assertThat(parse("postgresql://u:p@db/x?sslmode=disable").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x?sslmode=disable");
    assertThat(parse("postgresql://u:p@db/x").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/x?sslmode=prefer&sslfactory=org.postgresql.ssl.NonValidatingFactory");
    assertThat(parse("postgresql://u:p@db/x?sslmode=require").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/x?sslmode=require&sslfactory=org.postgresql.ssl.NonValidatingFactory");
    assertThat(parse("postgresql://u:p@db/x?sslmode=verify-ca").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/x?sslmode=verify-ca&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
    assertThat(parse("postgresql://u:p@db/x?sslmode=verify-full").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/x?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
    assertThat(parse("postgresql://u:p@db/a%2Bb%20c").jdbcUrl()).startsWith("jdbc:postgresql://db:5432/a%2Bb+c?");
  }

  private static DatabaseUrl parse(String raw) {
    return DatabaseUrl.parse(KEY, raw);
  }

  private static Config load(String raw) {
    return Config.load(Map.of(KEY, raw), List.of());
  }
}
