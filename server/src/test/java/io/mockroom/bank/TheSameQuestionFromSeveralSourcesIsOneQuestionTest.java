package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.bank.BankQuestions.Stored;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TheSameQuestionFromSeveralSourcesIsOneQuestionTest {
  static DatabaseUrl db;

  @BeforeAll
  static void importBank() {
    db = SharedPostgres.databaseWithBank();
  }

  @Test
  void metaclassesAcrossAllFilesAndTwiceInOneAreOneQuestion() {
    Stored q = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "1");
    assertThat(q.sources()).containsExactlyInAnyOrder(
        "000_324a6ebb279cd104.txt#97", "001_0fccfcb66529fb9e.txt#Q58", "002_71f2adf0333625cc.txt#16",
        "002_71f2adf0333625cc.txt#46", "003_d2b1e66a207ca00c.txt#2.3", "004_f6e4d58efeb91ce5.txt#1",
        "004_f6e4d58efeb91ce5.txt#14");
    assertThat(q.alternates()).hasSize(q.sources().size() - 1);
    q.alternates().forEach(a -> assertThat(q.sources()).contains(a.get("source").get("file").asText() + "#" + a.get("source").get("position").asText()));
  }

  @Test
  void theWithStatementAndContextManagersAreOneQuestion() {
    Stored q = BankQuestions.bySource(db, "003_d2b1e66a207ca00c.txt", "1.5");
    assertThat(q.sources()).contains(
        "001_0fccfcb66529fb9e.txt#Q38", "001_0fccfcb66529fb9e.txt#Q55", "001_0fccfcb66529fb9e.txt#Q65",
        "004_f6e4d58efeb91ce5.txt#10", "004_f6e4d58efeb91ce5.txt#26", "002_71f2adf0333625cc.txt#33");
  }

  @Test
  void deepAndShallowCopyAreOneQuestion() {
    Stored q = BankQuestions.bySource(db, "003_d2b1e66a207ca00c.txt", "1.4");
    assertThat(q.sources()).contains(
        "001_0fccfcb66529fb9e.txt#Q56", "002_71f2adf0333625cc.txt#22", "003_d2b1e66a207ca00c.txt#1.4",
        "004_f6e4d58efeb91ce5.txt#13");
    assertThat(q.answer()).contains("```python"); // the variant with code leads
  }

  @Test
  void theGilAndDecoratorsAreOneQuestionEach() {
    assertThat(BankQuestions.bySource(db, "003_d2b1e66a207ca00c.txt", "1.1").sources()).contains(
        "000_324a6ebb279cd104.txt#93", "001_0fccfcb66529fb9e.txt#Q51", "002_71f2adf0333625cc.txt#17", "004_f6e4d58efeb91ce5.txt#2");
    assertThat(BankQuestions.bySource(db, "003_d2b1e66a207ca00c.txt", "1.2").sources()).contains(
        "001_0fccfcb66529fb9e.txt#Q52", "002_71f2adf0333625cc.txt#9", "004_f6e4d58efeb91ce5.txt#6");
  }

  @Test
  void similarButDifferentQuestionsStayApart() {
    // Same shape, different subject.
    assertThat(BankQuestions.bySource(db, "000_324a6ebb279cd104.txt", "55").id())
        .isNotEqualTo(BankQuestions.bySource(db, "000_324a6ebb279cd104.txt", "56").id()); // os vs shutil
    assertThat(BankQuestions.bySource(db, "000_324a6ebb279cd104.txt", "8").id())
        .isNotEqualTo(BankQuestions.bySource(db, "000_324a6ebb279cd104.txt", "9").id()); // built-in functions vs writing functions
    assertThat(BankQuestions.bySource(db, "000_324a6ebb279cd104.txt", "14").id())
        .isNotEqualTo(BankQuestions.bySource(db, "003_d2b1e66a207ca00c.txt", "3.2").id()); // sets vs lists; list/tuple/set
    assertThat(BankQuestions.bySource(db, "000_324a6ebb279cd104.txt", "51").id())
        .isNotEqualTo(BankQuestions.bySource(db, "001_0fccfcb66529fb9e.txt", "Q89").id()); // files vs CSV
  }
}
