package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.bank.importer.SeedDocument;
import io.mockroom.bank.importer.SeedImporter;
import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.store.Database;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportingTwiceGivesTheSameBankTest {
  Vertx vertx;
  Database database;
  DatabaseUrl db;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = SharedPostgres.emptyDatabase();
    database = Database.open(vertx, Config.forTests(Path.of("unused")).withDatabaseUrl(db)).await(2, TimeUnit.MINUTES);
  }

  @AfterEach
  void close() throws Exception {
    database.close(vertx).await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  BankImportStore.Outcome importDocs(List<SeedDocument> docs) throws Exception {
    return BankSeeder.importDocuments(vertx, database.pool(), docs).await(2, TimeUnit.MINUTES);
  }

  static List<Map<String, Object>> snapshot(DatabaseUrl db) {
    return Sql.rows(db, """
        select q.id, q.import_key, q.prompt, q.answer, q.alternates::text, q.difficulty, q.topic, q.key_points::text,
               q.updated_at, (select string_agg(file || '#' || position, ',' order by ordinal)
                                from question_sources s where s.question_id = q.id) as sources
          from questions q order by q.id""");
  }

  @Test
  void aSecondImportChangesNothing() throws Exception {
    BankImportStore.Outcome first = importDocs(SeedImporter.bundledSeeds());
    assertThat(first.inserted()).isGreaterThan(200);
    List<Map<String, Object>> before = snapshot(db);

    BankImportStore.Outcome second = importDocs(SeedImporter.bundledSeeds());
    assertThat(second.inserted()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.removed()).isZero();
    assertThat(second.unchanged()).isEqualTo(first.inserted());
    assertThat(snapshot(db)).isEqualTo(before);
  }

  @Test
  void aChangedFileUpdatesItsQuestionsInPlaceAndLeavesAuthoredQuestionsAlone() throws Exception {
    importDocs(SeedImporter.bundledSeeds());
    Sql.execute(db, "insert into organisations (id, name) values ('00000000-0000-0000-0000-0000000000aa', 'Acme')");
    Sql.execute(db, """
        insert into questions (id, organisation_id, origin, prompt, answer, difficulty, topic)
        values ('00000000-0000-0000-0000-0000000000bb', '00000000-0000-0000-0000-0000000000aa', 'author',
                'What is monkey patching in Python?', 'Our own answer.', 'advanced', 'OOP')""");
    long count = (Long) Sql.one(db, "select count(*) from questions");
    BankQuestions.Stored monkey = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "8");
    BankQuestions.Stored untouched = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "12");
    Object untouchedUpdatedAt = Sql.one(db, "select updated_at from questions where id = ?::uuid", untouched.id());

    List<SeedDocument> changed = new ArrayList<>();
    for (SeedDocument d : SeedImporter.bundledSeeds()) {
      changed.add(d.fileName().startsWith("004") ? new SeedDocument(d.fileName(), d.text().replace(
          "Monkey patching refers to modifying or extending code at runtime.",
          "Monkey patching means changing a module or class at run time, for example in tests.")) : d);
    }
    BankImportStore.Outcome outcome = importDocs(changed);

    assertThat(outcome.inserted()).isZero();
    assertThat(outcome.updated()).isEqualTo(1);
    assertThat((Long) Sql.one(db, "select count(*) from questions")).isEqualTo(count);
    BankQuestions.Stored after = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "8");
    assertThat(after.id()).isEqualTo(monkey.id());
    assertThat(after.answer()).startsWith("Monkey patching means changing a module or class at run time");
    assertThat(Sql.one(db, "select updated_at from questions where id = ?::uuid", untouched.id())).isEqualTo(untouchedUpdatedAt);
    assertThat(Sql.one(db, "select answer from questions where id = '00000000-0000-0000-0000-0000000000bb'"))
        .isEqualTo("Our own answer.");
  }

  @Test
  void aQuestionRemovedFromItsFileLeavesTheBank() throws Exception {
    importDocs(SeedImporter.bundledSeeds());
    BankQuestions.Stored mixin = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "28");
    assertThat(mixin.sources()).hasSize(1);
    List<SeedDocument> changed = new ArrayList<>();
    for (SeedDocument d : SeedImporter.bundledSeeds()) {
      if (!d.fileName().startsWith("004")) {
        changed.add(d);
        continue;
      }
      String text = d.text();
      int start = text.indexOf("What is a mixin");
      int end = text.indexOf("How do you implement caching");
      changed.add(new SeedDocument(d.fileName(), text.substring(0, start) + text.substring(end)));
    }
    BankQuestions.Stored caching = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "29");
    BankImportStore.Outcome outcome = importDocs(changed);
    assertThat(outcome.removed()).isEqualTo(1);
    assertThat(Sql.rows(db, "select prompt from questions where id = ?::uuid", mixin.id())).isEmpty();
    // The questions after it moved up one position and kept their rows and answers.
    BankQuestions.Stored cachingAfter = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "28");
    assertThat(cachingAfter.id()).isEqualTo(caching.id());
    assertThat(cachingAfter.prompt()).isEqualTo("How do you implement caching in Python?");
    assertThat((Integer) Sql.one(db, "select questions_read from bank_imports where file = '004_f6e4d58efeb91ce5.txt'")).isEqualTo(29);
  }
}
