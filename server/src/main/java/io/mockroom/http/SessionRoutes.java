package io.mockroom.http;

import io.mockroom.auth.Account;
import io.mockroom.auth.AccountStore;
import io.mockroom.room.MemberChanges;
import io.mockroom.room.Role;
import io.mockroom.room.SessionDeletion;
import io.mockroom.room.SessionStore;
import io.mockroom.room.SessionStore.Member;
import io.mockroom.room.SessionStore.PlanEntry;
import io.mockroom.room.SessionStore.PlanRequest;
import io.mockroom.room.SessionStore.Session;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Interview sessions: create with a plan, list, read, invite a colleague; and what a candidate link opens. */
public final class SessionRoutes {
  public static final int MAX_PLAN = 50;

  public record CreateRequest(String title, String candidateName, String candidateEmail, List<PlanRequest> plan) {}

  public record MemberRequest(String email, String role) {}

  /**
   * A session in the list. {@code yourRole} is the signed-in account's role in it ({@code interviewer}
   * or {@code observer}; null when not invited): the list offers only what that role may do.
   */
  public record SessionSummary(UUID id, String title, String candidateName, String candidateEmail, String status,
                               OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime endedAt,
                               int questions, String roomUrl, Role yourRole) {}

  /** A session with its plan and people; {@code yourRole} as in {@link SessionSummary}. */
  public record SessionDetail(UUID id, String title, String candidateName, String candidateEmail, String status,
                              OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime endedAt,
                              List<PlanEntry> plan, List<Member> members, String roomUrl, String candidateUrl,
                              Role yourRole) {}

  /**
   * The sessions page: every session not ended yet (newest first), then the {@link #ENDED_LISTED}
   * that ended last; {@code endedTotal} counts every ended one (all of them are in Review).
   */
  public record SessionList(List<SessionSummary> items, long endedTotal) {}

  /** Sessions not ended that the page lists: more than an organisation of many interviewers has open. */
  static final int MAX_OPEN_LISTED = 1000;
  /** Ended sessions the page lists, the latest first; older ones are found in Review. */
  static final int ENDED_LISTED = 50;

  public record JoinInfo(UUID sessionId, String title, String candidateName, String organisationName, String status) {}

  private final SessionStore sessions;
  private final AccountStore accounts;
  private final Authn authn;
  private final PublicUrls urls;
  private final MemberChanges memberChanges;
  private final SessionDeletion deletion;

  public SessionRoutes(SessionStore sessions, AccountStore accounts, Authn authn, PublicUrls urls, MemberChanges memberChanges,
                       SessionDeletion deletion) {
    this.memberChanges = memberChanges;
    this.deletion = deletion;
    this.sessions = sessions;
    this.accounts = accounts;
    this.authn = authn;
    this.urls = urls;
  }

  public void mount(Router router) {
    router.post("/api/sessions").handler(authn::require).handler(this::create);
    router.get("/api/sessions").handler(authn::require).handler(this::list);
    router.get("/api/sessions/:id").handler(authn::require).handler(this::one);
    router.delete("/api/sessions/:id").handler(authn::require).handler(this::delete);
    // Beside GET /api/review/candidates (ReviewRoutes): a candidate's history, erased.
    router.delete("/api/review/candidates").handler(authn::require).handler(this::deleteCandidate);
    router.post("/api/sessions/:id/members").handler(authn::require).handler(this::invite);
    router.post("/api/sessions/:id/candidate").handler(authn::require).handler(this::linkCandidate);
    router.get("/api/join/:token").handler(this::join);
  }

  private void create(RoutingContext rc) {
    CreateRequest req = Bodies.decode(rc, CreateRequest.class);
    String title = Bodies.text(req.title(), "a title", 1, 200);
    String candidate = Bodies.text(req.candidateName(), "the candidate's name", 1, 100);
    String email = req.candidateEmail() == null || req.candidateEmail().isBlank() ? null : Bodies.email(req.candidateEmail(), "the candidate's email");
    List<PlanRequest> plan = req.plan() == null ? List.of() : req.plan();
    if (plan.size() > MAX_PLAN) throw ApiError.badRequest("A plan can hold at most " + MAX_PLAN + " questions.");
    for (PlanRequest p : plan) {
      if (p == null || p.questionId() == null) throw ApiError.badRequest("Every plan entry needs a questionId.");
      if (p.minutes() != null && (p.minutes() < 1 || p.minutes() > 240)) {
        throw ApiError.badRequest("Minutes per question must be between 1 and 240.");
      }
    }
    if (plan.stream().map(PlanRequest::questionId).distinct().count() != plan.size()) {
      throw ApiError.badRequest("A question can be in the plan only once.");
    }
    Account me = Authn.account(rc);
    sessions.create(me, title, candidate, email, plan)
        .recover(e -> Future.failedFuture(e instanceof SessionStore.UnknownQuestion
            ? ApiError.badRequest("A planned question is not in the question bank.")
            : e instanceof SessionStore.TooManyOpen ? tooManyOpen() : e))
        .compose(s -> detail(rc, s))
        .onComplete(Responses.json(rc, 201));
  }

  private void list(RoutingContext rc) {
    Account me = Authn.account(rc);
    sessions.listing(me, MAX_OPEN_LISTED, ENDED_LISTED)
        .map(listing -> new SessionList(java.util.stream.Stream.concat(listing.open().stream(), listing.ended().stream()).map(l -> {
          Session s = l.session();
          return new SessionSummary(s.id(), s.title(), s.candidateName(), s.candidateEmail(), s.status(), s.createdAt(),
              s.startedAt(), s.endedAt(), s.questions(), urls.room(rc, s.id()), l.yourRole());
        }).toList(), listing.endedTotal()))
        .onComplete(Responses.json(rc));
  }

  private void one(RoutingContext rc) {
    found(rc).compose(s -> detail(rc, s)).onComplete(Responses.json(rc));
  }

  private void invite(RoutingContext rc) {
    MemberRequest req = Bodies.decode(rc, MemberRequest.class);
    String email = Bodies.email(req.email(), "email");
    String role = req.role() == null ? "interviewer" : req.role();
    if (!role.equals("interviewer") && !role.equals("observer")) {
      throw ApiError.badRequest("Role must be interviewer or observer.");
    }
    Account me = Authn.account(rc);
    asInterviewer(rc, "invite colleagues to it or change their role").compose(s -> accounts.inOrganisation(me.organisationId(), email).compose(a -> a
            .map(account -> {
              if (account.id().equals(s.createdBy())) {
                throw new ApiError(409, "session_creator", account.name() + " created this session and is always one of its interviewers.");
              }
              return sessions.addMember(s.id(), account.id(), role)
                  .onSuccess(v -> memberChanges.announce(s.id(), account.id(), role)); // the room applies it to open sockets
            })
            .orElseGet(() -> Future.failedFuture(new ApiError(404, "no_such_colleague",
                "No account with " + email + " in " + me.organisationName() + ". Invite them to the organisation first."))))
        .compose(v -> detail(rc, s)))
        .onComplete(Responses.json(rc));
  }

  /**
   * The session, if the signed-in account is one of its interviewers (its creator or invited as
   * one): changing who takes part, or whom it is about, is theirs. Observers and other colleagues
   * may read the session but get a 403 saying what they tried.
   */
  private Future<Session> asInterviewer(RoutingContext rc, String what) {
    return found(rc).compose(s -> sessions.staffRole(s.id(), Authn.account(rc)).map(role -> {
      if (role.flatMap(r -> r).filter(r -> r == Role.INTERVIEWER).isEmpty()) {
        throw new ApiError(403, "not_an_interviewer", "Only this session's interviewers can " + what + ".");
      }
      return s;
    }));
  }

  /**
   * Deletes the session and every row about it, and closes its live room (see {@link SessionDeletion}):
   * its interviewers only, as for the other changes of a session. 204; 404 once it is gone.
   */
  private void delete(RoutingContext rc) {
    asInterviewer(rc, "delete it").compose(s -> deletion.delete(s.organisationId(), s.id()).map(deleted -> {
          if (!deleted) throw ApiError.notFound("No session with id '" + rc.pathParam("id") + "'.");
          return null;
        }))
        .onComplete(ar -> {
          if (ar.succeeded()) rc.response().setStatusCode(204).end();
          else rc.fail(ar.cause());
        });
  }

  public record Deleted(int deleted) {}

  /**
   * Erases a candidate (GDPR art. 17): deletes every session of the organisation whose candidate
   * has this email, with everything about them, in one transaction — only when the caller is an
   * interviewer of every one of them; otherwise nothing is deleted and the 403 says how many are
   * not theirs (an interviewer of those deletes them, or invites the caller to them first).
   * Sessions of the candidate without their email (or with another) are not found this way: the
   * per-session delete removes them. 200 {@code {"deleted": n}}, 0 when there was none.
   */
  private void deleteCandidate(RoutingContext rc) {
    String email = rc.queryParams().get("email");
    if (email == null || email.isBlank()) throw ApiError.badRequest("Give the candidate's email: ?email=…");
    String checked = Bodies.email(email, "email");
    Account me = Authn.account(rc);
    sessions.sessionsOfCandidate(me, checked)
        .compose(found -> {
          long notMine = found.stream().filter(s -> !s.interviewer()).count();
          if (notMine > 0) return Future.failedFuture(notInterviewerOfAll((int) notMine, found.size(), checked));
          if (found.isEmpty()) return Future.succeededFuture(0);
          return deletion.deleteAll(me, found.stream().map(SessionStore.CandidateSession::id).toList());
        })
        .recover(e -> Future.failedFuture(e instanceof SessionStore.NotInterviewerOfAll n ? notInterviewerOfAll(n.notTheirs, n.all, checked) : e))
        .map(Deleted::new)
        .onComplete(Responses.json(rc));
  }

  private static ApiError notInterviewerOfAll(int notTheirs, int all, String email) {
    return new ApiError(403, "not_an_interviewer", "You are not an interviewer of " + notTheirs + " of the " + all
        + " sessions with " + email + ", so none was deleted. Their interviewers can delete them (or invite you to them as an interviewer).");
  }

  public record CandidateRequest(String email) {}

  private void linkCandidate(RoutingContext rc) {
    String email = Bodies.email(Bodies.decode(rc, CandidateRequest.class).email(), "the candidate's email");
    asInterviewer(rc, "change its candidate").compose(s -> sessions.setCandidateEmail(s.id(), email).compose(v -> found(rc)).compose(s2 -> detail(rc, s2)))
        .onComplete(Responses.json(rc));
  }

  private void join(RoutingContext rc) {
    sessions.byCandidateToken(rc.pathParam("token"))
        .map(found -> found.map(l -> {
          if (l.status().equals("ended")) {
            throw new ApiError(410, "session_ended", "This interview has ended, so the link no longer works.");
          }
          return new JoinInfo(l.sessionId(), l.title(), l.candidateName(), l.organisationName(), l.status());
        }).orElseThrow(() -> new ApiError(404, "invalid_link", "This interview link is not valid. Check that you copied all of it.")))
        .onComplete(Responses.json(rc));
  }

  private static ApiError tooManyOpen() {
    return new ApiError(409, "too_many_open_sessions", "You already have " + SessionStore.MAX_OPEN_PER_ACCOUNT
        + " sessions that have not ended (scheduled or live), the most one account can have. "
        + "End the ones you no longer need (End in their room) before creating another.");
  }

  private Future<Session> found(RoutingContext rc) {
    UUID id;
    try {
      id = UUID.fromString(rc.pathParam("id"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ApiError.notFound("No session with id '" + rc.pathParam("id") + "'."));
    }
    return sessions.get(Authn.account(rc).organisationId(), id)
        .map(s -> s.orElseThrow(() -> ApiError.notFound("No session with id '" + rc.pathParam("id") + "'.")));
  }

  private Future<SessionDetail> detail(RoutingContext rc, Session s) {
    Future<Optional<Optional<Role>>> role = sessions.staffRole(s.id(), Authn.account(rc));
    return Future.all(sessions.plan(s.id()), sessions.members(s.id()), role).map(all -> new SessionDetail(
        s.id(), s.title(), s.candidateName(), s.candidateEmail(), s.status(), s.createdAt(), s.startedAt(), s.endedAt(),
        all.resultAt(0), all.resultAt(1), urls.room(rc, s.id()),
        s.status().equals("ended") ? null : urls.candidate(rc, s.candidateToken()),
        role.result().flatMap(r -> r).orElse(null)));
  }

}
