package io.mockroom.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.bank.BankStore;
import io.mockroom.http.Json;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads for review: the dashboard's session list and a session's transcript. Scoped to one organisation. */
public final class ReviewStore {
  public record QuestionScore(UUID questionId, String prompt, String topic, String difficulty, Double averageRubric) {}

  public record SessionRow(UUID id, String title, String candidateName, String candidateEmail, String status,
                           OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime endedAt, Long durationSeconds,
                           List<String> interviewers, List<QuestionScore> questions, List<JsonNode> recommendations,
                           Double averageRubric) {}

  public record Page(List<SessionRow> items, long total, int page, int pageSize) {}

  private static final String LIST = """
      with base as (
        select s.*, o.open,
               -- how long it took, once it has ended (a live one is not "the longest" because it is still going)
               extract(epoch from (s.ended_at - s.started_at))::bigint as duration,
               case when o.open then (select avg(sc.rubric)::float8 from scores sc where sc.session_id = s.id) end as avg_rubric
          from sessions s
          -- whether its scores may be shown (V10), asked once per session for every use below
          cross join lateral (select scores_open(s.id) as open) o
         where s.organisation_id = $1
           and ($2::text is null or s.candidate_name ilike '%' || $2 || '%' escape '\\' or s.candidate_email ilike '%' || $2 || '%' escape '\\')
           and ($3::text is null or exists (
                 select 1 from accounts a where a.display_name ilike '%' || $3 || '%' escape '\\'
                    and (a.id = s.created_by or a.id in (select m.account_id from session_members m where m.session_id = s.id))))
           and ($4::text is null or exists (select 1 from session_plan_items p join questions q on q.id = p.question_id
                                             where p.session_id = s.id and q.topic = $4))
           and ($5::text is null or exists (select 1 from session_plan_items p join questions q on q.id = p.question_id
                                             where p.session_id = s.id and q.difficulty = $5))
           and ($6::text is null or exists (select 1 from recommendations r where r.session_id = s.id
                                             and r.recommendation = $6 and r.submitted_at is not null) and o.open)
           and ($7::timestamptz is null or s.created_at >= $7)
           and ($8::timestamptz is null or s.created_at < $8))
      select b.id, b.title, b.candidate_name, b.candidate_email, b.status, b.created_at, b.started_at, b.ended_at,
             b.duration, b.avg_rubric, count(*) over () as total,
             (select coalesce(json_agg(a.display_name order by a.display_name), '[]') from accounts a
               where a.id = b.created_by or a.id in (select m.account_id from session_members m where m.session_id = b.id))::text as interviewers,
             (select coalesce(json_agg(json_build_object('questionId', q.id, 'prompt', q.prompt, 'topic', q.topic,
                      'difficulty', q.difficulty, 'averageRubric',
                      (select avg(sc.rubric)::float8 from scores sc where b.open and sc.session_id = b.id and sc.question_id = q.id))
                      order by p.position), '[]')
                from session_plan_items p join questions q on q.id = p.question_id where p.session_id = b.id)::text as questions,
             (select coalesce(json_agg(json_build_object('name', a.display_name, 'recommendation', r.recommendation,
                      'submitted', r.submitted_at is not null)), '[]')
                from recommendations r join accounts a on a.id = r.account_id where b.open and r.session_id = b.id)::text as recs
        from base b
       order by {sort} {direction} nulls last, b.created_at desc, b.id
       limit $9 offset $10""";

  private static final String SESSION = """
      select id, title, candidate_name, candidate_email, status, created_at, started_at, ended_at,
             extract(epoch from (coalesce(ended_at, now()) - started_at))::bigint as duration, scores_open(id) as scores_open
        from sessions where id = $1 and organisation_id = $2""";

  private static final String EVENTS = """
      select version, type, participant_id, payload::text as payload, created_at from session_events
       where session_id = $1 order by version""";

  private final Pool pool;

  public ReviewStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Page> list(UUID organisationId, ReviewFilter f) {
    // Both come from a fixed list (ReviewFilter.SORTS), never from the request's text.
    String sql = LIST.replace("{sort}", ReviewFilter.SORTS.get(f.sort())).replace("{direction}", f.ascending() ? "asc" : "desc");
    Tuple args = Tuple.tuple().addValue(organisationId)
        // The text filters are substrings: % _ and \ in them are literal characters, not LIKE patterns.
        .addString(f.candidate().map(BankStore::escapeLike).orElse(null)).addString(f.interviewer().map(BankStore::escapeLike).orElse(null))
        .addString(f.topic().orElse(null)).addString(f.difficulty().orElse(null))
        .addString(f.recommendation().orElse(null))
        .addValue(f.from().orElse(null)).addValue(f.to().orElse(null))
        .addInteger(f.pageSize()).addInteger((f.page() - 1) * f.pageSize());
    return pool.preparedQuery(sql).execute(args).compose(rows -> {
      if (rows.size() == 0 && f.page() > 1) {
        // Past the last page there is no row to carry the total: count on the first page, so the page can say where the end is.
        ReviewFilter first = new ReviewFilter(f.candidate(), f.interviewer(), f.topic(), f.difficulty(), f.recommendation(), f.from(), f.to(),
            f.sort(), f.ascending(), 1, 1);
        return list(organisationId, first).map(p -> new Page(List.of(), p.total(), f.page(), f.pageSize()));
      }
      List<SessionRow> items = new ArrayList<>();
      long total = 0;
      for (Row r : rows) {
        total = r.getLong("total");
        items.add(new SessionRow(r.getUUID("id"), r.getString("title"), r.getString("candidate_name"),
            r.getString("candidate_email"), r.getString("status"), r.getOffsetDateTime("created_at"),
            r.getOffsetDateTime("started_at"), r.getOffsetDateTime("ended_at"), r.getLong("duration"),
            strings(r.getString("interviewers")), questions(r.getString("questions")), nodes(r.getString("recs")),
            r.getDouble("avg_rubric")));
      }
      return Future.succeededFuture(new Page(items, total, f.page(), f.pageSize()));
    });
  }

  public record SeenQuestion(UUID questionId, String prompt, String topic, UUID sessionId, OffsetDateTime askedAt) {}

  public record TopicPoint(UUID sessionId, OffsetDateTime date, String topic, double averageRubric) {}

  /**
   * One candidate's sessions, scores by topic and questions seen; {@code mayErase}: whether the
   * viewer interviews every session with this email, so that erasing the candidate would succeed
   * (set by the route, which knows the viewer).
   */
  public record CandidateHistory(String email, List<SessionRow> sessions, List<TopicPoint> topicScores, List<SeenQuestion> seen,
                                 boolean mayErase) {
    public CandidateHistory withMayErase(boolean may) {
      return new CandidateHistory(email, sessions, topicScores, seen, may);
    }
  }

  private static final String TOPIC_SCORES = """
      select s.id, s.created_at, q.topic, avg(sc.rubric)::float8 as avg
        from sessions s join scores sc on sc.session_id = s.id join questions q on q.id = sc.question_id
       where s.organisation_id = $1 and lower(s.candidate_email) = lower($2) and sc.rubric is not null and scores_open(s.id)
       group by s.id, s.created_at, q.topic order by s.created_at, q.topic""";

  private static final String SEEN = """
      select distinct on (q.id) q.id, q.prompt, q.topic, s.id as session_id, e.created_at
        from sessions s join session_events e on e.session_id = s.id and e.type = 'question_pushed'
        join questions q on q.id = (e.payload ->> 'questionId')::uuid
       where s.organisation_id = $1 and lower(s.candidate_email) = lower($2)
       order by q.id, e.created_at""";

  /** Every session of one candidate (matched by email), their score per topic over time, and the questions they saw. */
  public Future<CandidateHistory> candidate(UUID organisationId, String email) {
    Map<String, List<String>> params = Map.of("candidate", List.of(email), "sort", List.of("date"), "order", List.of("asc"),
        "pageSize", List.of("100"));
    Future<Page> sessions = list(organisationId, ReviewFilter.parse(params))
        .map(p -> new Page(p.items().stream().filter(r -> email.equalsIgnoreCase(r.candidateEmail())).toList(), 0, 1, 100));
    Future<List<TopicPoint>> topics = pool.preparedQuery(TOPIC_SCORES).execute(Tuple.of(organisationId, email)).map(rows -> {
      List<TopicPoint> out = new ArrayList<>();
      rows.forEach(r -> out.add(new TopicPoint(r.getUUID("id"), r.getOffsetDateTime("created_at"), r.getString("topic"), r.getDouble("avg"))));
      return out;
    });
    Future<List<SeenQuestion>> seen = pool.preparedQuery(SEEN).execute(Tuple.of(organisationId, email)).map(rows -> {
      List<SeenQuestion> out = new ArrayList<>();
      rows.forEach(r -> out.add(new SeenQuestion(r.getUUID("id"), r.getString("prompt"), r.getString("topic"),
          r.getUUID("session_id"), r.getOffsetDateTime("created_at"))));
      out.sort(java.util.Comparator.comparing(SeenQuestion::askedAt));
      return out;
    });
    return Future.all(sessions, topics, seen).map(v -> new CandidateHistory(email, sessions.result().items(), topics.result(), seen.result(), false));
  }

  public Future<Optional<Transcript>> transcript(UUID organisationId, UUID sessionId) {
    return pool.preparedQuery(SESSION).execute(Tuple.of(sessionId, organisationId)).compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture(Optional.<Transcript>empty());
      Row s = rows.iterator().next();
      Transcript.SessionInfo info = new Transcript.SessionInfo(s.getUUID("id"), s.getString("title"),
          s.getString("candidate_name"), s.getString("candidate_email"), s.getString("status"),
          s.getOffsetDateTime("created_at"), s.getOffsetDateTime("started_at"), s.getOffsetDateTime("ended_at"),
          s.getOffsetDateTime("started_at") == null ? null : s.getLong("duration"), s.getBoolean("scores_open"));
      return pool.preparedQuery(EVENTS).execute(Tuple.of(sessionId)).map(events -> {
        TranscriptBuilder b = new TranscriptBuilder(info);
        for (Row e : events) {
          b.add(new TranscriptBuilder.Event(e.getLong("version"), e.getString("type"), e.getUUID("participant_id"),
              TranscriptBuilder.parse(e.getString("payload")), e.getOffsetDateTime("created_at")));
        }
        return Optional.of(b.build());
      });
    });
  }

  private static List<String> strings(String json) {
    List<String> out = new ArrayList<>();
    TranscriptBuilder.parse(json).forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<JsonNode> nodes(String json) {
    List<JsonNode> out = new ArrayList<>();
    TranscriptBuilder.parse(json).forEach(out::add);
    return out;
  }

  private static List<QuestionScore> questions(String json) {
    List<QuestionScore> out = new ArrayList<>();
    for (JsonNode n : TranscriptBuilder.parse(json)) {
      out.add(new QuestionScore(UUID.fromString(n.get("questionId").asText()), n.get("prompt").asText(),
          n.get("topic").asText(), n.get("difficulty").asText(), n.hasNonNull("averageRubric") ? n.get("averageRubric").asDouble() : null));
    }
    return out;
  }

  static String json(Object o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
