package io.mockroom.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Questions interviewers write: they belong to their organisation (only its accounts see them),
 * name their author, and are never touched by an import, which owns the imported ones. Any
 * account of the organisation may edit them, as a team's shared bank.
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

  private static final String INSERT = """
      insert into questions (id, organisation_id, origin, prompt, answer, difficulty, topic, key_points, author_id)
      values ($1, $2, 'author', $3, $4, $5, $6, $7, $8)""";

  private static final String UPDATE = """
      update questions set prompt = $3, answer = $4, difficulty = $5, topic = $6, key_points = $7, updated_at = now()
       where id = $1 and organisation_id = $2 and origin = 'author' and archived_at is null""";

  private static final String ARCHIVE = """
      update questions set archived_at = now(), updated_at = now()
       where id = $1 and organisation_id = $2 and origin = 'author' and archived_at is null""";

  private static final String WHY_NOT = """
      select origin from questions where id = $1 and (organisation_id is null or organisation_id = $2) and archived_at is null""";

  private final Pool pool;

  public AuthoredQuestions(Pool pool) {
    this.pool = pool;
  }

  /** Adds {@code draft} (validated) to the organisation's questions; its id. */
  public Future<UUID> create(UUID organisationId, UUID authorId, QuestionDraft draft) {
    UUID id = UUID.randomUUID();
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(id, organisationId, draft.prompt(), draft.answer(), draft.difficulty(), draft.topic(),
            new JsonArray(draft.keyPoints()), authorId))
        .map(id);
  }

  /** Replaces every field of one of the organisation's own questions; fails with {@link NotFound} or {@link Imported}. */
  public Future<Void> update(UUID organisationId, UUID id, QuestionDraft draft) {
    return pool.preparedQuery(UPDATE)
        .execute(Tuple.of(id, organisationId, draft.prompt(), draft.answer(), draft.difficulty(), draft.topic(),
            new JsonArray(draft.keyPoints())))
        .compose(updated -> updated.rowCount() == 1 ? Future.succeededFuture() : whyNot(organisationId, id));
  }

  /** Takes one of the organisation's own questions out of the bank; fails with {@link NotFound} or {@link Imported}. */
  public Future<Void> remove(UUID organisationId, UUID id) {
    return pool.preparedQuery(ARCHIVE).execute(Tuple.of(id, organisationId))
        .compose(removed -> removed.rowCount() == 1 ? Future.succeededFuture() : whyNot(organisationId, id));
  }

  private Future<Void> whyNot(UUID organisationId, UUID id) {
    return pool.preparedQuery(WHY_NOT).execute(Tuple.of(id, organisationId))
        .compose(rows -> Future.failedFuture(rows.size() == 0 ? new NotFound() : new Imported()));
  }
}
