package io.mockroom.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Questions interviewers write: they belong to their organisation (only its accounts see them),
 * name their author, and are never touched by an import of the seed bank, which owns the imported
 * ones. Any account of the organisation may edit them, as a team's shared bank. The editor writes
 * them one at a time; an import of a file ({@link QuestionImport}) writes many in one transaction,
 * through the same statements.
 *
 * <p>Editing a question does not change what past sessions asked: a room writes the prompt, answer
 * and key points it pushed into its own event log, and transcripts are read from there. Removing
 * one keeps its row (past plans and scores refer to it) and takes it out of the bank.
 */
public final class AuthoredQuestions {
  /** No question with that id in this organisation's bank (never, or no longer). */
  public static final class NotFound extends RuntimeException {
    NotFound() {
      super(null, null, false, false);
    }
  }

  /** An imported question: it follows its source documents and cannot be edited here. */
  public static final class Imported extends RuntimeException {
    Imported() {
      super(null, null, false, false);
    }
  }

  /** One of the organisation's own questions, as the editor would show it. */
  public record Own(UUID id, QuestionDraft draft) {}

  // created_at from the clock, not the transaction's start: questions created by one import keep
  // the file's order, and the export lists them in that order.
  private static final String INSERT = """
      insert into questions (id, organisation_id, origin, prompt, answer, difficulty, topic, key_points, author_id,
                             created_at, updated_at)
      values ($1, $2, 'author', $3, $4, $5, $6, $7, $8, clock_timestamp(), clock_timestamp())""";

  private static final String UPDATE = """
      update questions set prompt = $3, answer = $4, difficulty = $5, topic = $6, key_points = $7, updated_at = now()
       where id = $1 and organisation_id = $2 and origin = 'author' and archived_at is null""";

  private static final String ARCHIVE = """
      update questions set archived_at = now(), updated_at = now()
       where id = $1 and organisation_id = $2 and origin = 'author' and archived_at is null""";

  private static final String WHY_NOT = """
      select origin from questions where id = $1 and (organisation_id is null or organisation_id = $2) and archived_at is null""";

  /** Oldest first: the order they were written in, which is also the order an import created them. */
  private static final String OWN = """
      select id, prompt, answer, topic, difficulty, key_points from questions
       where organisation_id = $1 and origin = 'author' and archived_at is null
       order by created_at, id""";

  /**
   * Two imports of one organisation run one after the other, so both cannot create the same
   * question. NO KEY UPDATE: it does not wait for, nor hold up, rows that merely refer to the
   * organisation (a new session, account or question takes KEY SHARE).
   */
  private static final String LOCK_ORGANISATION = "select 1 from organisations where id = $1 for no key update";

  private final Pool pool;

  public AuthoredQuestions(Pool pool) {
    this.pool = pool;
  }

  /** Adds {@code draft} (validated) to the organisation's questions; its id. */
  public Future<UUID> create(UUID organisationId, UUID authorId, QuestionDraft draft) {
    return insert(pool, organisationId, authorId, draft);
  }

  /** Replaces every field of one of the organisation's own questions; fails with {@link NotFound} or {@link Imported}. */
  public Future<Void> update(UUID organisationId, UUID id, QuestionDraft draft) {
    return replace(pool, organisationId, id, draft)
        .compose(updated -> updated ? Future.succeededFuture() : whyNot(organisationId, id));
  }

  /** Takes one of the organisation's own questions out of the bank; fails with {@link NotFound} or {@link Imported}. */
  public Future<Void> remove(UUID organisationId, UUID id) {
    return pool.preparedQuery(ARCHIVE).execute(Tuple.of(id, organisationId))
        .compose(removed -> removed.rowCount() == 1 ? Future.succeededFuture() : whyNot(organisationId, id));
  }

  /** Every question of the organisation's own bank (not the imported seed bank, not removed ones), oldest first. */
  public Future<List<Own>> list(UUID organisationId) {
    return own(pool, organisationId, "");
  }

  /**
   * Runs {@code work} in one transaction on the organisation's own questions, which it gets as
   * they are, locked until the end: an edit or a removal by a colleague waits, and so does another
   * import. A failed future from {@code work} rolls everything back.
   */
  public <T> Future<T> inOneTransaction(UUID organisationId, Function<Batch, Future<T>> work) {
    return pool.withTransaction(db -> db.preparedQuery(LOCK_ORGANISATION).execute(Tuple.of(organisationId))
        .compose(locked -> own(db, organisationId, " for update"))
        .compose(own -> work.apply(new Batch(db, organisationId, own))));
  }

  /** The organisation's questions inside {@link #inOneTransaction}, and the editor's writes on its connection. */
  public static final class Batch {
    private final SqlClient db;
    private final UUID organisationId;
    private final List<Own> own;

    private Batch(SqlClient db, UUID organisationId, List<Own> own) {
      this.db = db;
      this.organisationId = organisationId;
      this.own = own;
    }

    /** The organisation's own questions when the transaction began, oldest first. */
    public List<Own> own() {
      return own;
    }

    public Future<UUID> create(UUID authorId, QuestionDraft draft) {
      return insert(db, organisationId, authorId, draft);
    }

    /** Replaces one of {@link #own()}, which stays there (its rows are locked). */
    public Future<Void> update(UUID id, QuestionDraft draft) {
      return replace(db, organisationId, id, draft).compose(updated -> updated ? Future.succeededFuture()
          : Future.failedFuture(new IllegalStateException("Question " + id + " was locked but not updated")));
    }
  }

  private static Future<UUID> insert(SqlClient db, UUID organisationId, UUID authorId, QuestionDraft draft) {
    UUID id = UUID.randomUUID();
    return db.preparedQuery(INSERT)
        .execute(Tuple.of(id, organisationId, draft.prompt(), draft.answer(), draft.difficulty(), draft.topic(),
            new JsonArray(draft.keyPoints()), authorId))
        .map(id);
  }

  private static Future<Boolean> replace(SqlClient db, UUID organisationId, UUID id, QuestionDraft draft) {
    return db.preparedQuery(UPDATE)
        .execute(Tuple.of(id, organisationId, draft.prompt(), draft.answer(), draft.difficulty(), draft.topic(),
            new JsonArray(draft.keyPoints())))
        .map(updated -> updated.rowCount() == 1);
  }

  private static Future<List<Own>> own(SqlClient db, UUID organisationId, String lock) {
    return db.preparedQuery(OWN + lock).execute(Tuple.of(organisationId)).map(rows -> {
      List<Own> out = new ArrayList<>();
      for (Row r : rows) {
        JsonArray points = r.getJsonArray("key_points");
        List<String> keyPoints = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) keyPoints.add(points.getString(i));
        out.add(new Own(r.getUUID("id"), new QuestionDraft(r.getString("prompt"), r.getString("answer"), r.getString("topic"),
            r.getString("difficulty"), List.copyOf(keyPoints))));
      }
      return out;
    });
  }

  private Future<Void> whyNot(UUID organisationId, UUID id) {
    return pool.preparedQuery(WHY_NOT).execute(Tuple.of(id, organisationId))
        .compose(rows -> Future.failedFuture(rows.size() == 0 ? new NotFound() : new Imported()));
  }
}
