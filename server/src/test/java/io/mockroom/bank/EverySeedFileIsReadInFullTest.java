package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The number of questions in each seed file, counted by hand, is what the import read and stored. */
class EverySeedFileIsReadInFullTest {
  static final Map<String, Integer> QUESTIONS_IN_FILE = new LinkedHashMap<>();

  static {
    QUESTIONS_IN_FILE.put("000_324a6ebb279cd104.txt", 100); // "### Basics" sections, numbered 1–100
    QUESTIONS_IN_FILE.put("001_0fccfcb66529fb9e.txt", 100); // interview guide, "### Q1:" … "### Q100:"
    QUESTIONS_IN_FILE.put("002_71f2adf0333625cc.txt", 78);  // chat export, "**1. Question:**" … "**78. Question:**"
    QUESTIONS_IN_FILE.put("003_d2b1e66a207ca00c.txt", 35);  // 7 sections of 5 bullets
    QUESTIONS_IN_FILE.put("004_f6e4d58efeb91ce5.txt", 30);  // 30 plain question/answer pairs
  }

  static DatabaseUrl db;

  @BeforeAll
  static void importBank() {
    db = SharedPostgres.databaseWithBank();
  }

  @Test
  void eachFileReportsTheQuestionsItHolds() {
    QUESTIONS_IN_FILE.forEach((file, n) ->
        assertThat(((Number) Sql.one(db, "select questions_read from bank_imports where file = ?", file)).intValue())
            .as(file).isEqualTo(n));
  }

  @Test
  void everyQuestionOfEveryFileIsAVariantOfABankQuestion() {
    QUESTIONS_IN_FILE.forEach((file, n) ->
        assertThat(((Number) Sql.one(db, "select count(*) from question_sources where file = ?", file)).intValue())
            .as(file).isEqualTo(n));
    long bank = ((Number) Sql.one(db, "select count(*) from questions")).longValue();
    assertThat(bank).isLessThan(343).isGreaterThan(200);
  }

  @Test
  void everyQuestionHasAnAnswerAndTwoToFiveKeyPoints() {
    for (Map<String, Object> q : Sql.rows(db, "select prompt, answer, jsonb_array_length(key_points) as kp from questions")) {
      assertThat((String) q.get("answer")).as((String) q.get("prompt")).isNotBlank();
      assertThat(((Number) q.get("kp")).intValue()).as((String) q.get("prompt")).isBetween(2, 5);
    }
  }
}
