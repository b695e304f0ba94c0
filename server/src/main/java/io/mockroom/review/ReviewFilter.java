package io.mockroom.review;

import io.mockroom.bank.Difficulty;
import io.mockroom.http.ApiError;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's filters, sort and page, validated from query parameters. {@code from} and {@code to}
 * are days of the viewer's calendar: {@code tz} (an IANA zone like {@code Pacific/Auckland}, or an
 * offset like {@code +13:00}; UTC without it) says where those days start and end, so the filter
 * agrees with the dates the browser shows.
 */
public record ReviewFilter(Optional<String> candidate, Optional<String> interviewer, Optional<String> topic,
                           Optional<String> difficulty, Optional<String> recommendation, Optional<OffsetDateTime> from,
                           Optional<OffsetDateTime> to, String sort, boolean ascending, int page, int pageSize) {

  private static final Set<String> PARAMS = Set.of("candidate", "interviewer", "topic", "difficulty", "recommendation",
      "from", "to", "tz", "sort", "order", "page", "pageSize");
  static final Map<String, String> SORTS = Map.of(
      "date", "b.created_at", "candidate", "lower(b.candidate_name)", "score", "avg_rubric", "duration", "duration");

  public static ReviewFilter parse(Map<String, List<String>> params) {
    for (String name : params.keySet()) {
      if (!PARAMS.contains(name)) throw ApiError.badRequest("Unknown filter '" + name + "'. Filters are " + String.join(", ", PARAMS.stream().sorted().toList()) + ".");
    }
    String sort = one(params, "sort").orElse("date");
    if (!SORTS.containsKey(sort)) throw ApiError.badRequest("Sort by date, candidate, score or duration.");
    String order = one(params, "order").orElse(sort.equals("date") ? "desc" : "asc");
    if (!order.equals("asc") && !order.equals("desc")) throw ApiError.badRequest("Order is asc or desc.");
    Optional<String> difficulty = one(params, "difficulty");
    if (difficulty.isPresent() && !Difficulty.known(difficulty.get())) {
      throw ApiError.badRequest("Difficulty is beginner, intermediate or advanced.");
    }
    Optional<String> rec = one(params, "recommendation");
    if (rec.isPresent() && !List.of("strong_no", "no", "yes", "strong_yes").contains(rec.get())) {
      throw ApiError.badRequest("Recommendation is strong_no, no, yes or strong_yes.");
    }
    int page = number(params, "page", 1, 1_000_000);
    int pageSize = number(params, "pageSize", 20, 100);
    ZoneId zone = zone(params);
    return new ReviewFilter(one(params, "candidate"), one(params, "interviewer"), one(params, "topic"), difficulty, rec,
        date(params, "from", false, zone), date(params, "to", true, zone), sort, order.equals("asc"), page, pageSize);
  }

  private static ZoneId zone(Map<String, List<String>> params) {
    return one(params, "tz").map(v -> {
      try {
        return ZoneId.of(v);
      } catch (DateTimeException e) {
        throw ApiError.badRequest("'tz' must be a time zone like Europe/Paris or an offset like +13:00.");
      }
    }).orElse(ZoneOffset.UTC);
  }

  /** The first instant of the day ({@code from}), or of the day after ({@code to}, inclusive), in {@code zone}. */
  private static Optional<OffsetDateTime> date(Map<String, List<String>> params, String name, boolean endOfDay, ZoneId zone) {
    return one(params, name).map(v -> {
      try {
        LocalDate d = LocalDate.parse(v);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toOffsetDateTime();
      } catch (java.time.format.DateTimeParseException e) {
        throw ApiError.badRequest("'" + name + "' must be a date like 2026-11-23.");
      }
    });
  }

  private static Optional<String> one(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty() || v.get(0).isBlank()) return Optional.empty();
    if (v.get(0).length() > 200) throw ApiError.badRequest("'" + name + "' is too long.");
    return Optional.of(v.get(0).strip());
  }

  private static int number(Map<String, List<String>> params, String name, int dflt, int max) {
    Optional<String> v = one(params, name);
    if (v.isEmpty()) return dflt;
    try {
      int n = Integer.parseInt(v.get());
      if (n < 1 || n > max) throw ApiError.badRequest("'" + name + "' must be between 1 and " + max + ".");
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("'" + name + "' must be a whole number.");
    }
  }
}
