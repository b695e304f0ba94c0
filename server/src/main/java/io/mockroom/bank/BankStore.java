package io.mockroom.bank;

import io.mockroom.bank.BankViews.Alternate;
import io.mockroom.bank.BankViews.Page;
import io.mockroom.bank.BankViews.QuestionDetail;
import io.mockroom.bank.BankViews.QuestionSummary;
import io.mockroom.bank.BankViews.Source;
import io.mockroom.bank.BankViews.SourceCount;
import io.mockroom.bank.BankViews.SourceRef;
import io.mockroom.bank.BankViews.TopicCount;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the question bank. All of its SQL is here; writes of an import are in {@link BankImportStore}. */
public final class BankStore {
  private static final String SEARCH = """
      select q.id, q.prompt, q.difficulty, q.difficulty_inferred, q.topic, q.topic_inferred, q.origin,
             (select count(*) from question_sources s where s.question_id = q.id) as source_count,
             case when $8::uuid is null then null else
               (select count(distinct e.session_id)::int from session_events e join sessions se on se.id = e.session_id
                 where e.type = 'question_pushed' and e.payload ->> 'questionId' = q.id::text and se.organisation_id = $8) end as asked,
             case when $8::uuid is null then null else
               (select avg(sc.rubric)::float8 from scores sc join sessions se on se.id = sc.session_id
                 where sc.question_id = q.id and se.organisation_id = $8 and scores_open(se.id)) end as average_rubric,
             count(*) over () as total
        from questions q
       where (q.organisation_id is null or q.organisation_id = $8) and q.archived_at is null
         and ($10::text is null or q.origin = $10)
         and ($11::text is null or not exists (select 1 from session_events e join sessions se on se.id = e.session_id
                where e.type = 'question_pushed' and e.payload ->> 'questionId' = q.id::text
                  and se.organisation_id = $8 and lower(se.candidate_email) = lower($11)))
         and ($1::text is null
              or q.search @@ websearch_to_tsquery('english', $1)
              or ($12::text is not null and q.search @@ to_tsquery('english', $12))
              or q.prompt ilike $2 escape '\\')
         and ($3::text is null or q.topic = $3)
         and ($4::text is null or q.difficulty = $4)
         and ($5::text is null or exists (select 1 from question_sources s
                                            where s.question_id = q.id and s.file = $5))
       order by (case when $9 = 'asked' then -coalesce((select count(distinct e.session_id) from session_events e
                   join sessions se on se.id = e.session_id where e.type = 'question_pushed'
                   and e.payload ->> 'questionId' = q.id::text and se.organisation_id = $8), 0) else 0 end),
                (case when $9 = 'score' then -coalesce((select avg(sc.rubric) from scores sc join sessions se on se.id = sc.session_id
                   where sc.question_id = q.id and se.organisation_id = $8 and scores_open(se.id)), 0) else 0 end),
                (case when $1::text is null or q.prompt ilike $2 escape '\\' then 0 else 1 end),
                (case when $1::text is null then 0
                      else ts_rank(q.search, websearch_to_tsquery('english', $1)) end) desc,
                q.bank_order nulls last, q.created_at, q.id
       limit $6 offset $7""";

  private static final String DETAIL = """
      select q.id, q.prompt, q.answer, q.alternates, q.difficulty, q.difficulty_inferred, q.topic,
             q.topic_inferred, q.key_points, q.origin, a.display_name as author, q.updated_at
        from questions q left join accounts a on a.id = q.author_id
       where q.id = $1 and (q.organisation_id is null or q.organisation_id = $2) and q.archived_at is null""";

  private static final String SOURCES = """
      select file, position, prompt from question_sources where question_id = $1 order by ordinal""";

  private static final String TOPICS = """
      select topic, count(*) as n from questions
       where (organisation_id is null or organisation_id = $1) and archived_at is null
       group by topic order by n desc, topic""";

  private static final String FILES = """
      select file, count(distinct question_id) as n from question_sources group by file order by file""";

  private final Pool pool;

  public BankStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param organisationId whose questions, besides the imported ones, and whose statistics (asked,
   *     average score) to show; null for the imported bank alone, without statistics
   */
  public Future<Page<QuestionSummary>> search(QuestionFilter f, UUID organisationId) {
    return page(f, organisationId, f.pageSize(), f.offset()).compose(found -> {
      // A page past the end has no row to carry the window count: ask for the first row instead.
      if (!found.items().isEmpty() || f.page() == 1) return Future.succeededFuture(found);
      return page(f, organisationId, 1, 0).map(first -> new Page<>(List.of(), first.total(), f.page(), f.pageSize()));
    });
  }

  /**
   * The search's words as prefixes, all of them required ({@code dict:* & merge:*}): people type
   * the start of a word ("dict" for dictionaries, "iter" for iterators), which whole-word search
   * misses. Only letters and digits reach {@code to_tsquery}, so its syntax cannot be broken;
   * null when no word is left.
   */
  static String prefixQuery(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && words.size() < 12) words.add(w + ":*");
    }
    return words.isEmpty() ? null : String.join(" & ", words);
  }

  private Future<Page<QuestionSummary>> page(QuestionFilter f, UUID organisationId, int limit, int offset) {
    String text = f.text().orElse(null);
    String like = text == null ? null : "%" + escapeLike(text) + "%";
    Tuple args = Tuple.tuple()
        .addString(text).addString(like)
        .addString(f.topic().orElse(null))
        .addString(f.difficulty().orElse(null))
        .addString(f.source().orElse(null))
        .addInteger(limit).addInteger(offset)
        .addValue(organisationId).addString(f.sort())
        .addString(f.origin().orElse(null)).addString(f.notAskedTo().orElse(null))
        .addString(text == null ? null : prefixQuery(text));
    return pool.preparedQuery(SEARCH).execute(args).map(rows -> {
      List<QuestionSummary> items = new ArrayList<>();
      long total = 0;
      for (Row r : rows) {
        total = r.getLong("total");
        items.add(new QuestionSummary(
            r.getUUID("id"), r.getString("prompt"), r.getString("difficulty"),
            r.getBoolean("difficulty_inferred"), r.getString("topic"), r.getBoolean("topic_inferred"),
            r.getLong("source_count").intValue(), r.getInteger("asked"), r.getDouble("average_rubric"), r.getString("origin")));
      }
      return new Page<>(items, total, f.page(), f.pageSize());
    });
  }

  /** One imported question, or one of {@code organisationId}'s own (null: imported ones only). */
  public Future<Optional<QuestionDetail>> get(UUID id, UUID organisationId) {
    Future<io.vertx.sqlclient.RowSet<Row>> question = pool.preparedQuery(DETAIL).execute(Tuple.of(id, organisationId));
    Future<io.vertx.sqlclient.RowSet<Row>> sources = pool.preparedQuery(SOURCES).execute(Tuple.of(id));
    return Future.all(question, sources).map(done -> {
      if (question.result().size() == 0) return Optional.empty();
      Row q = question.result().iterator().next();
      List<Source> srcs = new ArrayList<>();
      sources.result().forEach(s -> srcs.add(new Source(s.getString("file"), s.getString("position"), s.getString("prompt"))));
      return Optional.of(new QuestionDetail(
          q.getUUID("id"), q.getString("prompt"), q.getString("answer"), alternates(q.getJsonArray("alternates")),
          q.getString("difficulty"), q.getBoolean("difficulty_inferred"), q.getString("topic"),
          q.getBoolean("topic_inferred"), strings(q.getJsonArray("key_points")), srcs,
          q.getString("author"), q.getOffsetDateTime("updated_at"), q.getString("origin")));
    });
  }

  /** Topics of the imported bank and of {@code organisationId}'s own questions (null: imported only). */
  public Future<List<TopicCount>> topics(UUID organisationId) {
    return pool.preparedQuery(TOPICS).execute(Tuple.of(organisationId)).map(rows -> {
      List<TopicCount> out = new ArrayList<>();
      rows.forEach(r -> out.add(new TopicCount(r.getString("topic"), r.getLong("n"))));
      return out;
    });
  }

  public Future<List<SourceCount>> sourceFiles() {
    return pool.query(FILES).execute().map(rows -> {
      List<SourceCount> out = new ArrayList<>();
      rows.forEach(r -> out.add(new SourceCount(r.getString("file"), r.getLong("n"))));
      return out;
    });
  }

  /** {@code s} as literal text inside an {@code ilike … escape '\'} pattern: its % _ and \ match only themselves. */
  public static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static List<Alternate> alternates(JsonArray arr) {
    List<Alternate> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonObject a = arr.getJsonObject(i);
      JsonObject s = a.getJsonObject("source");
      out.add(new Alternate(a.getString("answer"), new SourceRef(s.getString("file"), s.getString("position"))));
    }
    return out;
  }

  private static List<String> strings(JsonArray arr) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) out.add(arr.getString(i));
    return out;
  }
}
