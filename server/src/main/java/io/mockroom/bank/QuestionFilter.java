package io.mockroom.bank;

import io.mockroom.http.ApiError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated bank search: free text, topic, difficulty, source file, origin (imported or written
 * by the organisation), questions not yet asked to a candidate (by email) and a page. Built from
 * query parameters by {@link #parse}, which rejects what it does not understand instead of
 * ignoring it.
 */
public record QuestionFilter(
    Optional<String> text,
    Optional<String> topic,
    Optional<String> difficulty,
    Optional<String> source,
    Optional<String> origin,
    Optional<String> notAskedTo,
    String sort,
    int page,
    int pageSize) {

  public static final int MAX_PAGE_SIZE = 100;
  public static final int MAX_TEXT = 200;
  private static final Set<String> PARAMS = Set.of("q", "topic", "difficulty", "source", "origin", "notAskedTo", "sort", "page", "pageSize");
  private static final List<String> ORIGINS = List.of("import", "author");
  private static final List<String> SORTS = List.of("relevance", "asked", "score");

  public static QuestionFilter parse(Map<String, List<String>> params) {
    for (String name : params.keySet()) {
      if (!PARAMS.contains(name)) {
        throw ApiError.badRequest("Unknown filter '" + name + "'. Filters are q, topic, difficulty, source, origin, notAskedTo, sort, page and pageSize.");
      }
      if (params.get(name).size() > 1) throw ApiError.badRequest("Filter '" + name + "' is given more than once.");
    }
    Optional<String> text = one(params, "q");
    if (text.isPresent() && text.get().length() > MAX_TEXT) {
      throw ApiError.badRequest("Search text is longer than " + MAX_TEXT + " characters.");
    }
    Optional<String> difficulty = one(params, "difficulty");
    if (difficulty.isPresent() && !Difficulty.known(difficulty.get())) {
      throw ApiError.badRequest("Difficulty '" + difficulty.get() + "' is not one of " + String.join(", ", Difficulty.ALL) + ".");
    }
    Optional<String> origin = one(params, "origin");
    if (origin.isPresent() && !ORIGINS.contains(origin.get())) {
      throw ApiError.badRequest("Origin is import (the bundled bank) or author (written in your organisation).");
    }
    Optional<String> notAskedTo = one(params, "notAskedTo");
    if (notAskedTo.isPresent() && (notAskedTo.get().length() > 320 || !notAskedTo.get().contains("@"))) {
      throw ApiError.badRequest("notAskedTo is a candidate's email address.");
    }
    String sort = one(params, "sort").orElse("relevance");
    if (!SORTS.contains(sort)) throw ApiError.badRequest("Sort is relevance, asked or score.");
    int page = number(params, "page", 1, 1, 1_000_000);
    int pageSize = number(params, "pageSize", 20, 1, MAX_PAGE_SIZE);
    return new QuestionFilter(text, one(params, "topic"), difficulty, one(params, "source"), origin, notAskedTo, sort, page, pageSize);
  }

  public int offset() {
    return (page - 1) * pageSize;
  }

  private static Optional<String> one(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) return Optional.empty();
    String v = values.get(0).strip();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static int number(Map<String, List<String>> params, String name, int dflt, int min, int max) {
    Optional<String> raw = one(params, name);
    if (raw.isEmpty()) return dflt;
    try {
      int n = Integer.parseInt(raw.get());
      if (n < min || n > max) throw ApiError.badRequest("'" + name + "' must be between " + min + " and " + max + ", got " + n + ".");
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("'" + name + "' must be a whole number, got '" + raw.get() + "'.");
    }
  }
}
