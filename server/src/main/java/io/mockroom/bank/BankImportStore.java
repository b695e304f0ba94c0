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
 * are updated, so {@code updated_at} moves only when content changed); a question is found again
 * by its stable import key, or else by any of its source variants (file, position), so a changed
 * file updates its questions instead of duplicating them; questions interviewers wrote (origin
 * {@code author}) are never read or written here.
 */
public final class BankImportStore {
  /** What one import did, for logs and the audit command. */
  public record Outcome(int inserted, int updated, int unchanged, int removed) {}

  private static final String FIND_BY_KEY = "select id from questions where import_key = $1";
  private static final String FIND_BY_SOURCE = """
      select q.id from question_sources s join questions q on q.id = s.question_id
       where s.file = $1 and s.position = $2 and q.origin = 'import'""";
  private static final String INSERT = """
      insert into questions (id, origin, import_key, prompt, answer, alternates, difficulty,
                             difficulty_inferred, topic, topic_inferred, key_points, bank_order)
      values ($1, 'import', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";
  private static final String UPDATE = """
      update questions set import_key = $2, prompt = $3, answer = $4, alternates = $5, difficulty = $6,
                           difficulty_inferred = $7, topic = $8, topic_inferred = $9, key_points = $10,
                           bank_order = $11, updated_at = now()
       where id = $1 and origin = 'import'
         and (import_key, prompt, answer, alternates, difficulty, difficulty_inferred, topic,
              topic_inferred, key_points, bank_order)
             is distinct from ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";
  private static final String UPSERT_SOURCE = """
      insert into question_sources (file, position, question_id, ordinal, prompt) values ($1, $2, $3, $4, $5)
      on conflict (file, position) do update
         set question_id = excluded.question_id, ordinal = excluded.ordinal, prompt = excluded.prompt
       where (question_sources.question_id, question_sources.ordinal, question_sources.prompt)
             is distinct from (excluded.question_id, excluded.ordinal, excluded.prompt)""";
  private static final String DROP_STALE_SOURCES = """
      delete from question_sources where file = any($1) and not ((file || '#' || position) = any($2))""";
  private static final String DROP_ORPHANS = """
      delete from questions q
       where q.origin = 'import'
         and not exists (select 1 from question_sources s where s.question_id = q.id)
         and not exists (select 1 from session_plan_items p where p.question_id = q.id)""";
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
    return pool.withTransaction(conn -> {
      Set<UUID> claimed = new HashSet<>();
      int[] counts = new int[3]; // inserted, updated, unchanged
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < result.questions().size(); i++) {
        BankQuestion q = result.questions().get(i);
        int order = i;
        chain = chain.compose(v -> upsert(conn, q, order, claimed, counts));
      }
      List<String> files = result.files().stream().map(FileReport::file).toList();
      List<String> refs = result.questions().stream()
          .flatMap(q -> q.variants().stream())
          .map(v -> v.ref().file() + "#" + v.ref().position())
          .toList();
      return chain
          .compose(v -> conn.preparedQuery(DROP_STALE_SOURCES)
              .execute(Tuple.of((Object) files.toArray(String[]::new), (Object) refs.toArray(String[]::new))))
          .compose(v -> conn.query(DROP_ORPHANS).execute())
          .compose(dropped -> recordFiles(conn, result, fileHashes)
              .map(v -> new Outcome(counts[0], counts[1], counts[2], dropped.rowCount())));
    });
  }

  private Future<Void> upsert(SqlConnection conn, BankQuestion q, int order, Set<UUID> claimed, int[] counts) {
    return find(conn, q, claimed).compose(existing -> {
      UUID id = existing.orElseGet(UUID::randomUUID);
      claimed.add(id);
      Tuple row = Tuple.of(id, q.key(), q.prompt(), q.answerMarkdown(), alternates(q.alternates()),
          q.difficulty().label(), q.difficultyInferred(), q.topic(), q.topicInferred())
          .addValue(new JsonArray(List.copyOf(q.keyPoints()))).addInteger(order);
      Future<Void> written = existing.isPresent()
          ? conn.preparedQuery(UPDATE).execute(row).map(r -> {
              counts[r.rowCount() > 0 ? 1 : 2]++;
              return null;
            })
          : conn.preparedQuery(INSERT).execute(row).map(r -> {
              counts[0]++;
              return null;
            });
      return written.compose(v -> sources(conn, id, q.variants()));
    });
  }

  /** By import key first; else by a source variant not yet claimed by another question of this import. */
  private Future<Optional<UUID>> find(SqlConnection conn, BankQuestion q, Set<UUID> claimed) {
    return conn.preparedQuery(FIND_BY_KEY).execute(Tuple.of(q.key())).compose(rows -> {
      if (rows.size() > 0) return Future.succeededFuture(Optional.of(rows.iterator().next().getUUID("id")));
      Future<Optional<UUID>> found = Future.succeededFuture(Optional.empty());
      for (SourceQuestion v : q.variants()) {
        found = found.compose(prev -> prev.isPresent() ? Future.succeededFuture(prev)
            : conn.preparedQuery(FIND_BY_SOURCE).execute(Tuple.of(v.ref().file(), v.ref().position()))
                .map(r -> r.size() == 0 ? Optional.<UUID>empty()
                    : Optional.of(r.iterator().next().getUUID("id")).filter(id -> !claimed.contains(id))));
      }
      return found;
    });
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
