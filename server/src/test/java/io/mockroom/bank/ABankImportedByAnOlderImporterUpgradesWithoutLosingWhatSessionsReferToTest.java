package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.bank.importer.Alternate;
import io.mockroom.bank.importer.BankQuestion;
import io.mockroom.bank.importer.ImportResult;
import io.mockroom.bank.importer.SeedImporter;
import io.mockroom.bank.importer.SourceQuestion;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deployment's bank was written by an importer that grouped questions differently: CSV, pdb and
 * Celery questions apart (now each one question), generators vs lists and vs iterators merged into
 * "generators" (now three questions). Sessions planned, pushed, scored and noted some of those
 * questions. Importing with today's importer merges and splits them, and every question a session
 * refers to is still there (live, or archived out of search); what nothing refers to is deleted;
 * the bank shows each question once; and a second import changes nothing.
 */
class ABankImportedByAnOlderImporterUpgradesWithoutLosingWhatSessionsReferToTest {
  static final String N = "000_324a6ebb279cd104.txt";
  static final String G = "001_0fccfcb66529fb9e.txt";
  static final String C = "002_71f2adf0333625cc.txt";
  static final String S = "003_d2b1e66a207ca00c.txt";

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

  @Test
  void mergedAndSplitQuestionsKeepEveryRowASessionRefersTo() throws Exception {
    ImportResult today = SeedImporter.importAll(SeedImporter.bundledSeeds());
    ImportResult older = olderGrouping(today);
    new BankImportStore(database.pool()).write(older, BankSeeder.hashes(SeedImporter.bundledSeeds())).await(2, TimeUnit.MINUTES);

    String csvA = idOf(N, "54");
    String csvB = idOf(G, "Q89");
    String pdbApart = idOf(G, "Q92");
    String celeryA = idOf(G, "Q41");
    String celeryB = idOf(S, "6.4");
    String generators = idOf(C, "14");
    assertThat(Set.of(csvA, csvB, pdbApart, celeryA, celeryB, generators)).hasSize(6);
    assertThat(Sql.one(db, "select prompt from questions where id = ?::uuid", generators))
        .isEqualTo("What is a generator and how is it different from a list?");

    // Sessions refer to some of them: a plan, a score and a note, a push. Celery's are referred to by nothing.
    String session = aSession();
    Sql.execute(db, "insert into session_plan_items (session_id, position, question_id) values (?::uuid, 0, ?::uuid)", session, csvA);
    Sql.execute(db, "insert into session_plan_items (session_id, position, question_id) values (?::uuid, 1, ?::uuid)", session, generators);
    Sql.execute(db, "insert into scores (session_id, question_id, account_id, rubric) values (?::uuid, ?::uuid, ?::uuid, 3)",
        session, csvB, ACCOUNT);
    Sql.execute(db, "insert into notes (id, session_id, question_id, account_id, body) values (?::uuid, ?::uuid, ?::uuid, ?::uuid, 'ok')",
        UUID.randomUUID().toString(), session, csvB, ACCOUNT);
    Sql.execute(db, "insert into session_events (session_id, version, type, payload) values (?::uuid, 1, 'question_pushed', "
        + "jsonb_build_object('questionId', ?::text))", session, pdbApart);

    BankImportStore.Outcome upgrade = BankSeeder.importDocuments(vertx, database.pool(), SeedImporter.bundledSeeds())
        .await(2, TimeUnit.MINUTES);

    // Every referenced row is still there: live and asked by the sources, or archived and asked by none.
    for (String id : List.of(csvA, csvB, pdbApart, generators)) {
      Map<String, Object> row = Sql.rows(db, """
          select archived_at is not null as archived,
                 (select count(*) from question_sources s where s.question_id = q.id) as sources
            from questions q where q.id = ?::uuid""", id).get(0);
      assertThat((Boolean) row.get("archived")).as(id).isEqualTo((Long) row.get("sources") == 0);
    }
    // The two CSV questions are one now, in one of the two old rows; the other is archived.
    assertThat(BankQuestions.bySource(db, N, "54").sources()).containsExactlyInAnyOrder(N + "#54", G + "#Q89");
    assertThat(BankQuestions.bySource(db, N, "54").id()).isIn(csvA, csvB);
    assertThat(BankQuestions.bySource(db, G, "Q92").id()).isNotEqualTo(pdbApart);
    assertThat(archived(pdbApart)).isTrue();
    // The unreferenced Celery row that lost its source is gone.
    assertThat(Sql.rows(db, "select id from questions where id in (?::uuid, ?::uuid)", celeryA, celeryB)).hasSize(1);
    // The split: the row a session planned stays with the question it showed ("… different from a list?").
    BankQuestions.Stored versusList = BankQuestions.bySource(db, C, "14");
    assertThat(versusList.id()).isEqualTo(generators);
    assertThat(versusList.prompt()).isEqualTo("What is a generator and how is it different from a list?");
    assertThat(versusList.sources()).containsExactly(C + "#14");
    assertThat(BankQuestions.bySource(db, G, "Q39").id()).isNotEqualTo(generators);
    assertThat(BankQuestions.bySource(db, S, "1.3").id()).isNotIn(generators, BankQuestions.bySource(db, G, "Q39").id());

    assertThat(upgrade.inserted()).isEqualTo(2);  // generators; generators vs iterators
    assertThat(upgrade.archived()).isEqualTo(2);  // a CSV row, the pdb row
    assertThat(upgrade.removed()).isEqualTo(3);   // … and a Celery row
    // The bank shows each question once: as many live imported rows as today's import has questions.
    assertThat((Long) Sql.one(db, "select count(*) from questions where origin = 'import' and archived_at is null"))
        .isEqualTo((long) today.questions().size());

    List<Map<String, Object>> before = ImportingTwiceGivesTheSameBankTest.snapshot(db);
    Object archivedAt = Sql.one(db, "select archived_at from questions where id = ?::uuid", pdbApart);
    BankImportStore.Outcome again = BankSeeder.importDocuments(vertx, database.pool(), SeedImporter.bundledSeeds())
        .await(2, TimeUnit.MINUTES);
    assertThat(List.of(again.inserted(), again.updated(), again.removed())).containsOnly(0);
    assertThat(ImportingTwiceGivesTheSameBankTest.snapshot(db)).isEqualTo(before);
    assertThat(Sql.one(db, "select archived_at from questions where id = ?::uuid", pdbApart)).isEqualTo(archivedAt);
  }

  static final String ORGANISATION = "00000000-0000-0000-0000-00000000a001";
  static final String ACCOUNT = "00000000-0000-0000-0000-00000000a002";

  private String aSession() {
    String session = UUID.randomUUID().toString();
    Sql.execute(db, "insert into organisations (id, name) values (?::uuid, 'Upgraders')", ORGANISATION);
    Sql.execute(db, "insert into accounts (id, organisation_id, email, display_name, password_hash) "
        + "values (?::uuid, ?::uuid, 'up@example.com', 'Up', 'x')", ACCOUNT, ORGANISATION);
    Sql.execute(db, "insert into sessions (id, organisation_id, created_by, title, candidate_name, candidate_token) "
        + "values (?::uuid, ?::uuid, ?::uuid, 'Before the upgrade', 'Cand', ?)", session, ORGANISATION, ACCOUNT, "t-" + session);
    return session;
  }

  private boolean archived(String id) {
    return (Boolean) Sql.one(db, "select archived_at is not null from questions where id = ?::uuid", id);
  }

  private String idOf(String file, String position) {
    return BankQuestions.bySource(db, file, position).id();
  }

  /** Today's result regrouped the way the older importer grouped these questions. */
  static ImportResult olderGrouping(ImportResult today) {
    List<BankQuestion> out = new ArrayList<>();
    BankQuestion generators = null;
    List<SourceQuestion> generatorVariants = new ArrayList<>();
    for (BankQuestion q : today.questions()) {
      if (has(q, G, "Q89") || has(q, G, "Q92") || has(q, G, "Q41")) {
        // Merged today, two questions before: the variant from the guide was a question of its own.
        out.add(of(q, v -> !v.ref().file().equals(G) || !Set.of("Q89", "Q92", "Q41").contains(v.ref().position())));
        out.add(of(q, v -> v.ref().file().equals(G) && Set.of("Q89", "Q92", "Q41").contains(v.ref().position())));
      } else if (has(q, G, "Q39") || has(q, C, "14") || has(q, S, "1.3")) {
        // Three questions today, one before, led by the answer with code (002#14).
        generatorVariants.addAll(q.variants());
        if (has(q, C, "14")) generators = q;
        if (generatorVariants.size() == 5) {
          generatorVariants.sort((x, y) -> order(x).compareTo(order(y)));
          SourceQuestion first = generatorVariants.get(0);
          String leadPrompt = generators.prompt();
          out.add(new BankQuestion(first.ref().file() + "#" + first.ref().position(), leadPrompt, generators.answerMarkdown(),
              generatorVariants.stream().filter(v -> !v.prompt().equals(leadPrompt))
                  .map(v -> new Alternate(v.ref(), v.answerMarkdown())).toList(),
              generators.difficulty(), generators.difficultyInferred(), generators.topic(), generators.topicInferred(),
              generators.keyPoints(), List.copyOf(generatorVariants)));
        }
      } else {
        out.add(q);
      }
    }
    return new ImportResult(today.files(), out);
  }

  private static String order(SourceQuestion v) {
    return v.ref().file() + "#" + String.format("%6s", v.ref().position());
  }

  private static boolean has(BankQuestion q, String file, String position) {
    return q.variants().stream().anyMatch(v -> v.ref().file().equals(file) && v.ref().position().equals(position));
  }

  /** The question made of some of q's variants, led by the first of them. */
  private static BankQuestion of(BankQuestion q, Predicate<SourceQuestion> keep) {
    List<SourceQuestion> variants = q.variants().stream().filter(keep).toList();
    SourceQuestion lead = variants.get(0);
    return new BankQuestion(lead.ref().file() + "#" + lead.ref().position(), lead.prompt(), lead.answerMarkdown(),
        variants.subList(1, variants.size()).stream().map(v -> new Alternate(v.ref(), v.answerMarkdown())).toList(),
        lead.difficulty(), lead.difficultyInferred(), lead.topic(), lead.topicInferred(), q.keyPoints(), variants);
  }
}
