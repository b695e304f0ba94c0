package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImportedQuestionsCarryNoSourceJunkTest {
  static final List<String> JUNK = List.of(
      "Copy code", "<button", "<svg", "<span", "<div", "<a href", "</", "â€", "ðŸ", "Ã©", "Â", "Back to Top",
      "Certainly!", "I hope these questions", "I hope these", "If you'd like more", "Let me know if",
      "table-of-contents", "class=\"", "gizmo:");

  static DatabaseUrl db;

  @BeforeAll
  static void importBank() {
    db = SharedPostgres.databaseWithBank();
  }

  @Test
  void noJunkInAnyPromptAnswerAlternateKeyPointOrSourcePrompt() {
    List<Map<String, Object>> rows = Sql.rows(db, """
        select prompt as text from questions union all select answer from questions
        union all select alternates::text from questions union all select key_points::text from questions
        union all select prompt from question_sources""");
    assertThat(rows).hasSizeGreaterThan(1000);
    for (Map<String, Object> row : rows) {
      String text = (String) row.get("text");
      for (String junk : JUNK) assertThat(text).as("junk '%s' in: %s", junk, text).doesNotContain(junk);
    }
  }

  @Test
  void noSeparatorLinesOutsideCode() {
    for (Map<String, Object> row : Sql.rows(db, "select answer from questions")) {
      boolean inFence = false;
      for (String line : ((String) row.get("answer")).split("\n")) {
        if (line.strip().startsWith("```")) inFence = !inFence;
        if (!inFence) assertThat(line).as(line).doesNotMatch("^\\s*([-_*=]\\s*){3,}$");
      }
      assertThat(inFence).as("every fence is closed").isFalse();
    }
  }

  @Test
  void mojibakeIsRepairedNotDropped() {
    String answer = (String) Sql.one(db, """
        select q.answer from questions q join question_sources s on s.question_id = q.id
         where s.file = '003_d2b1e66a207ca00c.txt' and s.position = '1.4'""");
    String all = answer + Sql.one(db, """
        select q.alternates::text from questions q join question_sources s on s.question_id = q.id
         where s.file = '003_d2b1e66a207ca00c.txt' and s.position = '1.4'""");
    assertThat(all).contains("doesn’t recursively copy");
  }
}
