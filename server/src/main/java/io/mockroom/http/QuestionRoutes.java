package io.mockroom.http;

import io.mockroom.auth.Account;
import io.mockroom.bank.AuthoredQuestions;
import io.mockroom.bank.BankStore;
import io.mockroom.bank.BankViews.QuestionDetail;
import io.mockroom.bank.BankViews.Sources;
import io.mockroom.bank.BankViews.Topics;
import io.mockroom.bank.QuestionDraft;
import io.mockroom.bank.QuestionFile;
import io.mockroom.bank.QuestionFilter;
import io.mockroom.bank.QuestionImport;
import io.mockroom.bank.JsonQuestions;
import io.mockroom.bank.MarkdownQuestions;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/questions}, {@code /api/topics}, {@code /api/sources}: the bank. A signed-in account
 * reads the imported questions and sees, writes, edits, exports and imports its organisation's own.
 */
public final class QuestionRoutes {
  private final BankStore bank;
  private final AuthoredQuestions authored;
  private final QuestionImport importer;
  private final Authn authn;

  public QuestionRoutes(BankStore bank, AuthoredQuestions authored, Authn authn) {
    this.bank = bank;
    this.authored = authored;
    this.importer = new QuestionImport(authored);
    this.authn = authn;
  }

  /**
   * Every route needs an account: the bank's reference answers and key points are what a candidate
   * must not read, and a candidate holds a link to this server (and a pushed question's id).
   */
  public void mount(Router router) {
    router.get("/api/questions").handler(authn::require).handler(this::search);
    router.post("/api/questions").handler(authn::require).handler(this::create);
    // Before /api/questions/:id, which would take "export" for an id.
    router.get("/api/questions/export").handler(authn::require).handler(this::export);
    // The body is the file itself; its size limit (QuestionFile.MAX_BYTES) is its own body handler's (MockroomServer).
    router.post("/api/questions/import").handler(authn::require).handler(this::importFile);
    router.post("/api/questions/import").failureHandler(QuestionRoutes::fileTooLarge);
    router.get("/api/questions/:id").handler(authn::require).handler(this::one);
    router.put("/api/questions/:id").handler(authn::require).handler(this::update);
    router.delete("/api/questions/:id").handler(authn::require).handler(this::remove);
    router.get("/api/topics").handler(authn::require)
        .handler(rc -> bank.topics(Authn.account(rc).organisationId()).map(Topics::new).onComplete(Responses.json(rc)));
    router.get("/api/sources").handler(authn::require).handler(rc -> bank.sourceFiles().map(Sources::new).onComplete(Responses.json(rc)));
  }

  /** The imported bank and the organisation's own questions, with the organisation's statistics. */
  private void search(RoutingContext rc) {
    QuestionFilter filter = QuestionFilter.parse(params(rc));
    bank.search(filter, Authn.account(rc).organisationId()).onComplete(Responses.json(rc));
  }

  private void one(RoutingContext rc) {
    UUID id = id(rc);
    found(id, Authn.account(rc).organisationId()).onComplete(Responses.json(rc));
  }

  private void create(RoutingContext rc) {
    QuestionDraft draft = Bodies.decode(rc, QuestionDraft.class).validated();
    Account me = Authn.account(rc);
    authored.create(me.organisationId(), me.id(), draft)
        .compose(id -> found(id, me.organisationId()))
        .onComplete(Responses.json(rc, 201));
  }

  private void update(RoutingContext rc) {
    UUID id = id(rc);
    QuestionDraft draft = Bodies.decode(rc, QuestionDraft.class).validated();
    Account me = Authn.account(rc);
    authored.update(me.organisationId(), id, draft)
        .recover(e -> Future.failedFuture(refusal(e, id, "edited. Copy it into a question of your own instead.")))
        .compose(v -> found(id, me.organisationId()))
        .onComplete(Responses.json(rc));
  }

  private void remove(RoutingContext rc) {
    UUID id = id(rc);
    Account me = Authn.account(rc);
    authored.remove(me.organisationId(), id)
        .recover(e -> Future.failedFuture(refusal(e, id, "removed.")))
        .onComplete(done -> {
          if (done.failed()) rc.fail(done.cause());
          else rc.response().setStatusCode(204).end();
        });
  }

  /**
   * The organisation's own questions (not the imported bank, not removed ones), oldest first, as a
   * file to download: {@code ?format=json} (the default; what the import takes back) or {@code md}.
   */
  private void export(RoutingContext rc) {
    String format = only(params(rc), "format", "json");
    if (!format.equals("json") && !format.equals("md")) throw ApiError.badRequest("format is json or md.");
    Account me = Authn.account(rc);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    authored.list(me.organisationId()).onSuccess(own -> {
      List<QuestionDraft> questions = own.stream().map(AuthoredQuestions.Own::draft).toList();
      String name = fileName(me.organisationName(), now) + "." + format;
      rc.response()
          .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
          .putHeader("Cache-Control", "no-store");
      if (format.equals("json")) {
        rc.response().putHeader("Content-Type", "application/json; charset=utf-8")
            .end(io.vertx.core.buffer.Buffer.buffer(JsonQuestions.write(new JsonQuestions.Export(me.organisationName(), now, questions))));
      } else {
        rc.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
            .end(MarkdownQuestions.write(me.organisationName(), now, questions));
      }
    }).onFailure(rc::fail);
  }

  /**
   * The body is the file's text as it is (JSON of an export, or Markdown in the export's format);
   * {@code ?dryRun=true} only says what would happen. 200 with the report; 422 with the same report
   * and an error when a question is refused (nothing is written).
   */
  private void importFile(RoutingContext rc) {
    String dryRun = only(params(rc), "dryRun", "false");
    if (!dryRun.equals("true") && !dryRun.equals("false")) throw ApiError.badRequest("dryRun is true or false.");
    io.vertx.core.buffer.Buffer body = rc.body().buffer();
    if (body == null || body.length() == 0) throw new ApiError(400, "no_questions", "The request needs the file's text as its body.");
    QuestionFile.Read file = QuestionFile.read(body.getBytes());
    Account me = Authn.account(rc);
    importer.run(me.organisationId(), me.id(), file, dryRun.equals("true"))
        .onSuccess(report -> Responses.send(rc, report.error() == null ? 200 : 422, report))
        .onFailure(rc::fail);
  }

  /** The import's body handler refused a file over its limit: say what the limit is and what to do. */
  private static void fileTooLarge(RoutingContext rc) {
    if (rc.failure() != null || rc.statusCode() != 413) {
      rc.next();
      return;
    }
    ApiError e = new ApiError(413, "file_too_large", "A file to import can be at most " + QuestionFile.MAX_BYTES / (1024 * 1024)
        + " MiB (" + QuestionFile.MAX_BYTES + " bytes). Split it into smaller files and import them one after the other.");
    Responses.send(rc, 413, e.body());
  }

  /** {@code acme-questions-2026-12-02}: ASCII, so that every browser keeps it as it is. */
  static String fileName(String organisation, OffsetDateTime at) {
    String slug = organisation.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-+$", "");
    return (slug.isEmpty() ? "mockroom" : slug) + "-questions-" + at.toLocalDate();
  }

  /** The one query parameter a route takes, or {@code otherwise}; any other, or it twice, is a 400. */
  private static String only(Map<String, List<String>> params, String name, String otherwise) {
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      if (!p.getKey().equals(name)) throw ApiError.badRequest("Unknown parameter '" + p.getKey() + "'.");
      if (p.getValue().size() > 1) throw ApiError.badRequest("Give " + name + " once.");
    }
    List<String> value = params.get(name);
    return value == null ? otherwise : value.get(0);
  }

  private static Throwable refusal(Throwable e, UUID id, String cannotBe) {
    if (e instanceof AuthoredQuestions.NotFound) return noSuchQuestion(id.toString());
    if (e instanceof AuthoredQuestions.Imported) {
      return new ApiError(409, "imported_question", "Imported questions follow their source documents and cannot be " + cannotBe);
    }
    return e;
  }

  private Future<QuestionDetail> found(UUID id, UUID organisationId) {
    return bank.get(id, organisationId).map(found -> found.orElseThrow(() -> noSuchQuestion(id.toString())));
  }

  private static UUID id(RoutingContext rc) {
    String raw = rc.pathParam("id");
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw noSuchQuestion(raw);
    }
  }

  private static ApiError noSuchQuestion(String id) {
    return ApiError.notFound("No question with id '" + id + "'.");
  }

  private static Map<String, List<String>> params(RoutingContext rc) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    rc.queryParams().names().forEach(n -> out.put(n, rc.queryParams().getAll(n)));
    return out;
  }
}
