package io.mockroom.http;

import io.mockroom.bank.BankStore;
import io.mockroom.bank.BankViews.Sources;
import io.mockroom.bank.BankViews.Topics;
import io.mockroom.bank.QuestionFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/questions}, {@code /api/topics}, {@code /api/sources}: the bank, read-only. */
public final class QuestionRoutes {
  private final BankStore bank;
  private final Authn authn;

  public QuestionRoutes(BankStore bank, Authn authn) {
    this.bank = bank;
    this.authn = authn;
  }

  public void mount(Router router) {
    router.get("/api/questions").handler(this::search);
    router.get("/api/questions/:id").handler(this::one);
    router.get("/api/topics").handler(rc -> bank.topics().map(Topics::new).onComplete(Responses.json(rc)));
    router.get("/api/sources").handler(rc -> bank.sourceFiles().map(Sources::new).onComplete(Responses.json(rc)));
  }

  private void search(RoutingContext rc) {
    QuestionFilter filter = QuestionFilter.parse(params(rc));
    // Statistics are the signed-in organisation's own; signed out, the bank has none.
    authn.current(rc.request())
        .compose(account -> bank.search(filter, account.map(io.mockroom.auth.Account::organisationId).orElse(null)))
        .onComplete(Responses.json(rc));
  }

  private void one(RoutingContext rc) {
    String raw = rc.pathParam("id");
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ApiError.notFound("No question with id '" + raw + "'.");
    }
    bank.get(id)
        .map(found -> found.orElseThrow(() -> ApiError.notFound("No question with id '" + raw + "'.")))
        .onComplete(Responses.json(rc));
  }

  private static Map<String, List<String>> params(RoutingContext rc) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    rc.queryParams().names().forEach(n -> out.put(n, rc.queryParams().getAll(n)));
    return out;
  }
}
