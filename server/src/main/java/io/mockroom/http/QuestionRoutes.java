package io.mockroom.http;

import io.mockroom.auth.Account;
import io.mockroom.bank.AuthoredQuestions;
import io.mockroom.bank.BankStore;
import io.mockroom.bank.BankViews.QuestionDetail;
import io.mockroom.bank.BankViews.Sources;
import io.mockroom.bank.BankViews.Topics;
import io.mockroom.bank.QuestionDraft;
import io.mockroom.bank.QuestionFilter;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/questions}, {@code /api/topics}, {@code /api/sources}: the bank. Anyone may read the
 * imported questions; a signed-in account also sees, writes and edits its organisation's own.
 */
public final class QuestionRoutes {
  private final BankStore bank;
  private final AuthoredQuestions authored;
  private final Authn authn;

  public QuestionRoutes(BankStore bank, AuthoredQuestions authored, Authn authn) {
    this.bank = bank;
    this.authored = authored;
    this.authn = authn;
  }

  /**
   * Every route needs an account: the bank's reference answers and key points are what a candidate
   * must not read, and a candidate holds a link to this server (and a pushed question's id).
   */
  public void mount(Router router) {
    router.get("/api/questions").handler(authn::require).handler(this::search);
    router.post("/api/questions").handler(authn::require).handler(this::create);
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
