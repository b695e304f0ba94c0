package io.mockroom.http;

import io.mockroom.auth.Account;
import io.mockroom.bank.BankStore;
import io.mockroom.bank.Difficulty;
import io.mockroom.match.PracticeLobby;
import io.mockroom.match.PracticeLobby.State;
import io.mockroom.room.SessionStore;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** {@code /api/practice}: the peer practice lobby of the signed-in account (ask, look, cancel). */
public final class PracticeRoutes {
  public record AskRequest(String topic, String difficulty) {}

  /** One round as its viewer uses it: {@code url} opens the room as interviewer, or joins it as candidate. */
  public record RoundView(int number, UUID sessionId, String interviewer, String candidate, String yourRole, String status, String url) {}

  public record PracticeView(String status, String topic, String difficulty, OffsetDateTime since, String partner, List<RoundView> rounds) {}

  /** The longest a look is held ({@code ?wait=}): under the lobby's staleness, and under any sane proxy's read timeout. */
  public static final int MAX_WAIT_SECONDS = 20;

  private final PracticeLobby lobby;
  private final BankStore bank;
  private final Authn authn;
  private final PublicUrls urls;
  private final int maxWaitSeconds;

  /** {@code socketSilenceSeconds}: the server closes a connection that sends nothing for twice that, so a hold stays under it. */
  public PracticeRoutes(PracticeLobby lobby, BankStore bank, Authn authn, PublicUrls urls, int socketSilenceSeconds) {
    this.lobby = lobby;
    this.bank = bank;
    this.authn = authn;
    this.urls = urls;
    this.maxWaitSeconds = Math.min(MAX_WAIT_SECONDS, socketSilenceSeconds);
  }

  public void mount(Router router) {
    router.get("/api/practice").handler(authn::require).handler(this::look);
    router.post("/api/practice").handler(authn::require).handler(this::ask);
    router.delete("/api/practice").handler(authn::require).handler(rc -> answer(rc, lobby.cancel(Authn.account(rc))));
  }

  /** {@code ?wait=N}: while waiting for a partner, answer when that changes or after N seconds (at most {@link #MAX_WAIT_SECONDS}). */
  private void look(RoutingContext rc) {
    String wait = rc.queryParams().get("wait");
    if (wait == null) {
      answer(rc, lobby.current(Authn.account(rc)));
      return;
    }
    int seconds = -1;
    try {
      seconds = Integer.parseInt(wait);
    } catch (NumberFormatException e) {
      // worded below
    }
    if (seconds < 0) throw ApiError.badRequest("'wait' must be a whole number of seconds, got '" + wait + "'.");
    answer(rc, lobby.awaitChange(Authn.account(rc), Math.min(seconds, maxWaitSeconds) * 1000L));
  }

  private void ask(RoutingContext rc) {
    AskRequest req = Bodies.decode(rc, AskRequest.class);
    String topic = Bodies.text(req.topic(), "a topic", 1, 80);
    if (!Difficulty.known(req.difficulty())) {
      throw ApiError.badRequest("Level must be beginner, intermediate or advanced.");
    }
    Account me = Authn.account(rc);
    answer(rc, bank.topics(me.organisationId())
        .compose(topics -> topics.stream().anyMatch(t -> t.topic().equals(topic))
            ? lobby.ask(me, topic, req.difficulty())
            : Future.failedFuture(ApiError.badRequest("'" + topic + "' is not a topic of the question bank."))));
  }

  private void answer(RoutingContext rc, Future<State> state) {
    state.map(s -> view(rc, s))
        .recover(e -> Future.failedFuture(e instanceof SessionStore.TooManyOpen
            ? new ApiError(409, "too_many_open_sessions", "You already have " + SessionStore.MAX_OPEN_PER_ACCOUNT
                + " sessions that have not ended; a practice pairing opens one more. End some first.")
            : e))
        .onComplete(Responses.json(rc));
  }

  private PracticeView view(RoutingContext rc, State state) {
    if (state instanceof PracticeLobby.Waiting w) return new PracticeView("waiting", w.topic(), w.difficulty(), w.since(), null, List.of());
    if (!(state instanceof PracticeLobby.Paired paired)) return new PracticeView("idle", null, null, null, null, List.of());
    PracticeLobby.Pairing p = paired.pairing();
    List<RoundView> rounds = p.rounds().stream().map(r -> new RoundView(r.number(), r.sessionId(), r.interviewer(),
        r.candidate(), r.youInterview() ? "interviewer" : "candidate", r.status(),
        r.youInterview() ? urls.room(rc, r.sessionId()) : urls.candidate(rc, r.candidateToken()))).toList();
    return new PracticeView("paired", p.topic(), p.difficulty(), p.createdAt(), p.partner(), rounds);
  }
}
