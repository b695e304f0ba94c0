package io.mockroom.bank;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the bank API returns. Field names are the JSON names (see docs/api.md). */
public final class BankViews {
  private BankViews() {}

  /** {@code asked} and {@code averageRubric} are the caller's organisation's statistics; null when signed out. */
  public record QuestionSummary(
      UUID id, String prompt, String difficulty, boolean difficultyInferred,
      String topic, boolean topicInferred, int sourceCount, Integer asked, Double averageRubric, String origin) {}

  public record Page<T>(List<T> items, long total, int page, int pageSize) {}

  public record Source(String file, String position, String prompt) {}

  public record SourceRef(String file, String position) {}

  public record Alternate(String answer, SourceRef source) {}

  public record QuestionDetail(
      UUID id, String prompt, String answer, List<Alternate> alternates,
      String difficulty, boolean difficultyInferred, String topic, boolean topicInferred,
      List<String> keyPoints, List<Source> sources, String author, OffsetDateTime updatedAt, String origin) {}

  public record TopicCount(String topic, long count) {}

  public record Topics(List<TopicCount> topics) {}

  public record SourceCount(String file, long count) {}

  public record Sources(List<SourceCount> sources) {}
}
