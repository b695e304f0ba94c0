package io.mockroom.http;

import io.mockroom.auth.Account;
import io.mockroom.review.Exports;
import io.mockroom.review.ReviewFilter;
import io.mockroom.review.ReviewStore;
import io.mockroom.review.Transcript;
import io.mockroom.room.SessionStore;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Review of past sessions, for signed-in accounts of the session's organisation only. */
public final class ReviewRoutes {
  /**
   * Prompt and key points as the session showed them (its first question_pushed event; the bank's
   * question may have been edited since), the ticked key points as their text in order.
   */
  private static final String SCORES_CSV = """
      select s.id, s.title, s.created_at, s.candidate_name, s.candidate_email, a.display_name,
             coalesce(shown.payload ->> 'prompt', q.prompt) as prompt, q.topic, q.difficulty, sc.rubric,
             (select string_agg(coalesce(shown.payload -> 'keyPoints', q.key_points) ->> k.i::int, '; ' order by k.i::int)
                from jsonb_array_elements_text(sc.key_points) k(i)) as key_points,
             r.recommendation
        from scores sc join sessions s on s.id = sc.session_id join accounts a on a.id = sc.account_id
        join questions q on q.id = sc.question_id
        left join lateral (select e.payload from session_events e
                            where e.session_id = s.id and e.type = 'question_pushed' and e.payload ->> 'questionId' = q.id::text
                            order by e.version limit 1) shown on true
        left join recommendations r on r.session_id = s.id and r.account_id = sc.account_id and r.submitted_at is not null
       where s.organisation_id = $1 and scores_open(s.id) order by s.created_at, s.id, a.display_name, q.prompt""";

  private final ReviewStore review;
  private final SessionStore sessions;
  private final Pool pool;
  private final Authn authn;

  public ReviewRoutes(ReviewStore review, SessionStore sessions, Pool pool, Authn authn) {
    this.review = review;
    this.sessions = sessions;
    this.pool = pool;
    this.authn = authn;
  }

  public void mount(Router router) {
    router.route("/api/review/*").handler(authn::require);
    router.get("/api/review/sessions").handler(this::list);
    router.get("/api/review/sessions/:id").handler(rc -> transcript(rc).onComplete(Responses.json(rc)));
    router.get("/api/review/sessions/:id/export.json").handler(rc -> transcript(rc).onSuccess(t -> {
      rc.response().putHeader("Content-Disposition", "attachment; filename=\"" + fileName(t) + ".json\"");
      Responses.send(rc, 200, t);
    }).onFailure(rc::fail));
    router.get("/api/review/sessions/:id/export.md").handler(rc -> transcript(rc).onSuccess(t -> rc.response()
        .putHeader("Content-Type", "text/markdown; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(t) + ".md\"")
        .end(Exports.markdown(t))).onFailure(rc::fail));
    router.get("/api/review/scores.csv").handler(this::csv);
    router.get("/api/review/candidates").handler(rc -> {
      String email = rc.queryParams().get("email");
      if (email == null || email.isBlank()) throw ApiError.badRequest("Give the candidate's email: ?email=…");
      Account me = Authn.account(rc);
      String checked = Bodies.email(email, "email");
      // May erase: the same rule as DELETE /api/review/candidates (SessionRoutes), on the same rows.
      Future<Boolean> mayErase = sessions.sessionsOfCandidate(me, checked)
          .map(found -> !found.isEmpty() && found.stream().allMatch(SessionStore.CandidateSession::interviewer));
      review.candidate(me.organisationId(), checked)
          .compose(history -> mayErase.map(history::withMayErase))
          .onComplete(Responses.json(rc));
    });
  }

  private void list(RoutingContext rc) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    rc.queryParams().names().forEach(n -> params.put(n, rc.queryParams().getAll(n)));
    review.list(Authn.account(rc).organisationId(), ReviewFilter.parse(params)).onComplete(Responses.json(rc));
  }

  private Future<Transcript> transcript(RoutingContext rc) {
    Account me = Authn.account(rc);
    UUID id;
    try {
      id = UUID.fromString(rc.pathParam("id"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ApiError.notFound("No session with id '" + rc.pathParam("id") + "'."));
    }
    return review.transcript(me.organisationId(), id)
        .map(t -> t.orElseThrow(() -> ApiError.notFound("No session with id '" + rc.pathParam("id") + "'.")));
  }

  private void csv(RoutingContext rc) {
    pool.preparedQuery(SCORES_CSV).execute(Tuple.of(Authn.account(rc).organisationId())).onSuccess(rows -> {
      StringBuilder out = new StringBuilder(Exports.CSV_BOM).append(Exports.csvHeader());
      for (Row r : rows) {
        out.append(Exports.csv(r.getUUID("id").toString(), r.getString("title"), r.getOffsetDateTime("created_at").toString(),
            r.getString("candidate_name"), r.getString("candidate_email"), r.getString("display_name"), r.getString("prompt"),
            r.getString("topic"), r.getString("difficulty"), r.getInteger("rubric") == null ? "" : r.getInteger("rubric").toString(),
            r.getString("key_points"), r.getString("recommendation")));
      }
      rc.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"mockroom-scores.csv\"")
          .end(out.toString());
    }).onFailure(rc::fail);
  }

  private static String fileName(Transcript t) {
    String slug = (t.session().title() + "-" + t.session().candidateName()).toLowerCase().replaceAll("[^a-z0-9]+", "-");
    return "mockroom-" + slug.replaceAll("(^-|-$)", "");
  }
}
