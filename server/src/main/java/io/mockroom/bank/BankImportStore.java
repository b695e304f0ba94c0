package io.mockroom.bank;

import io.mockroom.bank.importer.Alternate;
import io.mockroom.bank.importer.BankQuestion;
import io.mockroom.bank.importer.FileReport;
import io.mockroom.bank.importer.ImportResult;
import io.mockroom.bank.importer.SourceQuestion;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an {@link ImportResult} into the bank in one transaction.
 *
 * <p>Invariants: importing the same result twice changes nothing (rows are compared before they
 * are updated, so {@code updated_at} moves only when content changed). A question is found again
 * first as the row that shows the same prompt from the same source (so when a merged question
 * splits, the row — and every session that refers to it — stays with the question it showed), then
 * by a source variant with the same file and prompt — so questions added or removed elsewhere in a
 * file, which shift positions, do not move answers between questions — or else by a variant at
 * the same file and position whose old prompt is gone from the file (a prompt edited in place). A
 * changed file therefore updates its questions instead of duplicating them.
 *
 * <p>A row no source asks any more — its question left its file, or was merged into another one
 * whose row was found first — leaves the bank. It is deleted only when no session refers to it; one
 * that a plan, score, note or pushed question refers to is archived ({@code archived_at}): hidden
 * from search, planning and pushing, kept for the history of the sessions that used it. So a bank
 * imported by an older importer, which grouped questions differently, upgrades in place. Questions
 * interviewers wrote (origin {@code author}) are never read or written here.
 */
public final class BankImportStore {
  /** What one import did, for logs and the audit command. */
  public record Outcome(int inserted, int updated, int unchanged, int removed, int archived) {}

  private static final String FIND_SHOWING = """
      select q.id, s.prompt from question_sources s join questions q on q.id = s.question_id
       where s.file = $1 and s.prompt = $2 and q.prompt = $2 and q.origin = 'import'""";
  private static final String FIND_BY_PROMPT = """
      select q.id, s.prompt from question_sources s join questions q on q.id = s.question_id
       where s.file = $1 and s.prompt = $2 and q.origin = 'import'""";
  private static final String FIND_BY_POSITION = """
      select q.id, s.prompt from question_sources s join questions q on q.id = s.question_id
       where s.file = $1 and s.position = $2 and q.origin = 'import'""";
  /** Keys are unique; park them all first so that a key can move from one question to another. */
  private static final String PARK_KEYS = "update questions set import_key = '~' || id where origin = 'import'";
  private static final String SET_KEY = "update questions set import_key = $2 where id = $1";
  private static final String INSERT = """
      insert into questions (id, origin, import_key, prompt, answer, alternates, difficulty,
                             difficulty_inferred, topic, topic_inferred, key_points, bank_order)
      values ($1, 'import', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";
  private static final String UPDATE = """
      update questions set prompt = $2, answer = $3, alternates = $4, difficulty = $5,
                           difficulty_inferred = $6, topic = $7, topic_inferred = $8, key_points = $9,
                           bank_order = $10, archived_at = null, updated_at = now()
       where id = $1 and origin = 'import'
         and ((prompt, answer, alternates, difficulty, difficulty_inferred, topic, topic_inferred, key_points, bank_order)
              is distinct from ($2, $3, $4, $5, $6, $7, $8, $9, $10) or archived_at is not null)""";
  private static final String UPSERT_SOURCE = """
      insert into question_sources (file, position, question_id, ordinal, prompt) values ($1, $2, $3, $4, $5)
      on conflict (file, position) do update
         set question_id = excluded.question_id, ordinal = excluded.ordinal, prompt = excluded.prompt
       where (question_sources.question_id, question_sources.ordinal, question_sources.prompt)
             is distinct from (excluded.question_id, excluded.ordinal, excluded.prompt)""";
  private static final String DROP_STALE_SOURCES = """
      delete from question_sources where file = any($1) and not ((file || '#' || position) = any($2))""";
  /** What sessions refer to a question by: plans, scores, notes and pushes (hints and chat follow a push). */
  private static final String REFERENCED = """
      (exists (select 1 from session_plan_items p where p.question_id = q.id)
       or exists (select 1 from scores sc where sc.question_id = q.id)
       or exists (select 1 from notes n where n.question_id = q.id)
       or exists (select 1 from session_events e
                   where e.type = 'question_pushed' and e.payload ->> 'questionId' = q.id::text))""";
  private static final String ORPHAN = """
      q.origin = 'import' and not exists (select 1 from question_sources s where s.question_id = q.id)""";
  private static final String ARCHIVE_ORPHANS =
      "update questions q set archived_at = now() where " + ORPHAN + " and q.archived_at is null and " + REFERENCED;
  private static final String DROP_ORPHANS = "delete from questions q where " + ORPHAN + " and not " + REFERENCED;
  private static final String RECORD_FILE = """
      insert into bank_imports (file, sha256, questions_read) values ($1, $2, $3)
      on conflict (file) do update set sha256 = excluded.sha256, questions_read = excluded.questions_read,
                                       imported_at = now()""";

  private final Pool pool;

  public BankImportStore(Pool pool) {
    this.pool = pool;
  }

  /** @param fileHashes sha-256 of each imported file's text, by file name */
  public Future<Outcome> write(ImportResult result, Map<String, String> fileHashes) {
    Set<String> newPrompts = new HashSet<>();
    result.questions().forEach(q -> q.variants().forEach(v -> newPrompts.add(v.ref().file() + "\n" + v.prompt())));
    return pool.withTransaction(conn -> {
      // Find every question's row before writing any source row: writing moves (file, position)
      // rows between questions, which must not change what a later question finds.
      Set<UUID> claimed = new HashSet<>();
      List<UUID> ids = new ArrayList<>();
      int[] counts = new int[3]; // inserted, updated, unchanged
      // Nodes of a cluster start together: one import at a time (the lock ends with the transaction).
      Future<Void> chain = conn.query("select pg_advisory_xact_lock(7420001)").execute()
          .compose(v -> conn.query(PARK_KEYS).execute()).mapEmpty();
      result.questions().forEach(q -> ids.add(null));
      // First every question that finds the row showing its own prompt, then the others by source.
      for (int i = 0; i < result.questions().size(); i++) {
        int n = i;
        chain = chain.compose(v -> findShowing(conn, result.questions().get(n), claimed).map(found -> {
          found.ifPresent(id -> {
            claimed.add(id);
            ids.set(n, id);
          });
          return null;
        }));
      }
      for (int i = 0; i < result.questions().size(); i++) {
        int n = i;
        chain = chain.compose(v -> ids.get(n) != null ? Future.succeededFuture()
            : find(conn, result.questions().get(n), claimed, newPrompts).map(found -> {
                found.ifPresent(id -> {
                  claimed.add(id);
                  ids.set(n, id);
                });
                return null;
              }));
      }
      for (int i = 0; i < result.questions().size(); i++) {
        int order = i;
        chain = chain.compose(v -> upsert(conn, result.questions().get(order), order, ids.get(order), counts));
      }
      List<String> files = result.files().stream().map(FileReport::file).toList();
      List<String> refs = result.questions().stream()
          .flatMap(q -> q.variants().stream())
          .map(v -> v.ref().file() + "#" + v.ref().position())
          .toList();
      return chain
          .compose(v -> conn.preparedQuery(DROP_STALE_SOURCES)
              .execute(Tuple.of((Object) files.toArray(String[]::new), (Object) refs.toArray(String[]::new))))
          .compose(v -> conn.query(ARCHIVE_ORPHANS).execute())
          .compose(archived -> conn.query(DROP_ORPHANS).execute()
              .compose(dropped -> recordFiles(conn, result, fileHashes).map(v -> new Outcome(counts[0], counts[1], counts[2],
                  dropped.rowCount() + archived.rowCount(), archived.rowCount()))));
    });
  }

  private Future<Void> upsert(SqlConnection conn, BankQuestion q, int order, UUID existing, int[] counts) {
    UUID id = existing != null ? existing : UUID.randomUUID();
    Tuple content = Tuple.of(q.prompt(), q.answerMarkdown(), alternates(q.alternates()),
        q.difficulty().label(), q.difficultyInferred(), q.topic(), q.topicInferred())
        .addValue(new JsonArray(List.copyOf(q.keyPoints()))).addInteger(order);
    Tuple update = Tuple.tuple().addValue(id);
    Tuple insert = Tuple.tuple().addValue(id).addValue(q.key());
    for (int i = 0; i < content.size(); i++) {
      update.addValue(content.getValue(i));
      insert.addValue(content.getValue(i));
    }
    Future<Void> written = existing != null
        ? conn.preparedQuery(UPDATE).execute(update).compose(r -> {
            counts[r.rowCount() > 0 ? 1 : 2]++;
            return conn.preparedQuery(SET_KEY).execute(Tuple.of(id, q.key())).<Void>mapEmpty();
          })
        : conn.preparedQuery(INSERT).execute(insert).map(r -> {
            counts[0]++;
            return null;
          });
    return written.compose(v -> sources(conn, id, q.variants()));
  }

  /** The row that shows this question's prompt, from a source that asks it in those words. */
  private Future<Optional<UUID>> findShowing(SqlConnection conn, BankQuestion q, Set<UUID> claimed) {
    Future<Optional<UUID>> found = Future.succeededFuture(Optional.empty());
    for (SourceQuestion v : q.variants()) {
      if (!v.prompt().equals(q.prompt())) continue;
      found = found.compose(prev -> prev.isPresent() ? Future.succeededFuture(prev)
          : conn.preparedQuery(FIND_SHOWING).execute(Tuple.of(v.ref().file(), v.prompt()))
              .map(rows -> unclaimed(rows, claimed, row -> true)));
    }
    return found;
  }

  /** By a variant's file and prompt; else by a variant's file and position whose old prompt left the file. */
  private Future<Optional<UUID>> find(SqlConnection conn, BankQuestion q, Set<UUID> claimed, Set<String> newPrompts) {
    Future<Optional<UUID>> found = Future.succeededFuture(Optional.empty());
    for (SourceQuestion v : q.variants()) {
      found = found.compose(prev -> prev.isPresent() ? Future.succeededFuture(prev)
          : conn.preparedQuery(FIND_BY_PROMPT).execute(Tuple.of(v.ref().file(), v.prompt()))
              .map(rows -> unclaimed(rows, claimed, row -> true)));
    }
    for (SourceQuestion v : q.variants()) {
      found = found.compose(prev -> prev.isPresent() ? Future.succeededFuture(prev)
          : conn.preparedQuery(FIND_BY_POSITION).execute(Tuple.of(v.ref().file(), v.ref().position()))
              .map(rows -> unclaimed(rows, claimed,
                  row -> !newPrompts.contains(v.ref().file() + "\n" + row.getString("prompt")))));
    }
    return found;
  }

  private static Optional<UUID> unclaimed(io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> rows, Set<UUID> claimed,
                                          java.util.function.Predicate<io.vertx.sqlclient.Row> usable) {
    for (io.vertx.sqlclient.Row row : rows) {
      UUID id = row.getUUID("id");
      if (!claimed.contains(id) && usable.test(row)) return Optional.of(id);
    }
    return Optional.empty();
  }

  private Future<Void> sources(SqlConnection conn, UUID id, List<SourceQuestion> variants) {
    List<Tuple> batch = new java.util.ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      SourceQuestion v = variants.get(i);
      batch.add(Tuple.of(v.ref().file(), v.ref().position(), id, i, v.prompt()));
    }
    return conn.preparedQuery(UPSERT_SOURCE).executeBatch(batch).mapEmpty();
  }

  private Future<Void> recordFiles(SqlConnection conn, ImportResult result, Map<String, String> hashes) {
    List<Tuple> batch = result.files().stream()
        .map(f -> Tuple.of(f.file(), hashes.getOrDefault(f.file(), ""), f.questionsRead()))
        .toList();
    return batch.isEmpty() ? Future.succeededFuture() : conn.preparedQuery(RECORD_FILE).executeBatch(batch).mapEmpty();
  }

  private static JsonArray alternates(List<Alternate> alternates) {
    JsonArray out = new JsonArray();
    for (Alternate a : alternates) {
      out.add(new JsonObject()
          .put("answer", a.answerMarkdown())
          .put("source", new JsonObject().put("file", a.source().file()).put("position", a.source().position())));
    }
    return out;
  }
}
