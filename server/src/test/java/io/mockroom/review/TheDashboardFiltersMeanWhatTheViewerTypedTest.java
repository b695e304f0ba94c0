package io.mockroom.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's text filters are plain substrings (% _ and \ match only themselves), its
 * from/to dates are days of the viewer's calendar ({@code tz}), the dates the browser shows, and a
 * page past the last one still says how many sessions there are.
 */
class TheDashboardFiltersMeanWhatTheViewerTypedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  @BeforeAll
  static void sessions() {
    ada = Interviewer.signUp(server, "Filters Org");
    ada.createSession("One", "Alice Smith", 1);
    ada.createSession("Two", "Bob 100% Jones", 1);
    ada.createSession("Three", "Carol_Underscore", 1);
  }

  static List<String> candidates(String query) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/review/sessions" + query, ada.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    r.json().get("items").forEach(s -> names.add(s.get("candidateName").asText()));
    return names;
  }

  static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  @Test
  void percentUnderscoreAndBackslashInATextFilterMatchOnlyThemselves() {
    assertThat(candidates("")).hasSize(3);
    assertThat(candidates("?candidate=" + q("%"))).containsExactly("Bob 100% Jones");
    assertThat(candidates("?candidate=" + q("_"))).containsExactly("Carol_Underscore");
    assertThat(candidates("?candidate=" + q("0%_"))).isEmpty();
    assertThat(candidates("?candidate=" + q("\\"))).isEmpty();
    assertThat(candidates("?interviewer=" + q("%"))).isEmpty();
    assertThat(candidates("?interviewer=" + q("_"))).isEmpty();
    assertThat(candidates("?interviewer=" + q("Ada Love"))).hasSize(3);
  }

  @Test
  void aPagePastTheLastStillCountsTheSessions() {
    JsonNode past = Http.get(server.baseUrl() + "/api/review/sessions?page=7&pageSize=2", ada.cookie()).json();
    assertThat(past.get("items")).isEmpty();
    assertThat(past.get("total").asInt()).isEqualTo(3);
    assertThat(past.get("page").asInt()).isEqualTo(7);
  }

  @Test
  void fromAndToAreDaysInTheViewersTimeZone() {
    JsonNode first = Http.get(server.baseUrl() + "/api/review/sessions?candidate=Alice", ada.cookie()).json().get("items").get(0);
    OffsetDateTime created = OffsetDateTime.parse(first.get("createdAt").asText());
    // 26 hours apart: at any moment these two calendars are on different days.
    ZoneId east = ZoneId.of("Pacific/Kiritimati");
    ZoneId west = ZoneId.of("-12:00");
    LocalDate eastDay = created.atZoneSameInstant(east).toLocalDate();
    LocalDate westDay = created.atZoneSameInstant(west).toLocalDate();
    assertThat(eastDay).isNotEqualTo(westDay);

    String onEastDay = "?candidate=Alice&from=" + eastDay + "&to=" + eastDay;
    String onWestDay = "?candidate=Alice&from=" + westDay + "&to=" + westDay;
    assertThat(candidates(onEastDay + "&tz=" + q("Pacific/Kiritimati"))).containsExactly("Alice Smith");
    assertThat(candidates(onWestDay + "&tz=" + q("-12:00"))).containsExactly("Alice Smith");
    assertThat(candidates(onEastDay + "&tz=" + q("-12:00"))).isEmpty();
    assertThat(candidates(onWestDay + "&tz=" + q("Pacific/Kiritimati"))).isEmpty();

    LocalDate aucklandDay = created.atZoneSameInstant(ZoneId.of("Pacific/Auckland")).toLocalDate();
    assertThat(candidates("?candidate=Alice&from=" + aucklandDay + "&to=" + aucklandDay + "&tz=" + q("Pacific/Auckland")))
        .containsExactly("Alice Smith");
    // Without tz the days are UTC days, as before.
    LocalDate utcDay = created.toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    assertThat(candidates("?candidate=Alice&from=" + utcDay + "&to=" + utcDay)).containsExactly("Alice Smith");

    Http.Reply bad = Http.get(server.baseUrl() + "/api/review/sessions?from=" + utcDay + "&tz=Mars%2FOlympus", ada.cookie());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("time zone");
  }
}
