package io.mockroom.http;

import io.mockroom.auth.Account;
import io.mockroom.auth.AccountStore;
import io.mockroom.auth.LoginThrottle;
import io.mockroom.auth.PasswordHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign up (a new organisation, or an existing one through an invitation), log in and out, who am
 * I, and invitations. Password hashing runs on worker threads.
 */
public final class AuthRoutes {
  /** {@code newOrganisation}: whether a sign-up without an invitation may create one now. */
  public record SignupOptions(boolean newOrganisation) {}

  public record SignupRequest(String organisation, String name, String email, String password, String invitation) {}

  public record LoginRequest(String email, String password) {}

  public record InviteRequest(String email) {}

  public record Me(Account account) {}

  public record InvitationView(String url, String token, String organisationName, java.time.OffsetDateTime expiresAt) {}

  public record InvitationInfo(String organisationName, String email) {}

  private final Vertx vertx;
  private final AccountStore accounts;
  private final Authn authn;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final PublicUrls urls;
  private final ClientAddress clientAddress;
  /** A hash to verify against when the email is unknown, so both cases cost the same time. */
  private final String decoyHash;

  private final boolean openSignup;

  /** @param openSignup whether anyone may create an organisation, or only the first one (MOCKROOM_OPEN_SIGNUP) */
  public AuthRoutes(Vertx vertx, AccountStore accounts, Authn authn, PasswordHasher hasher, LoginThrottle throttle, PublicUrls urls,
                    ClientAddress clientAddress, boolean openSignup) {
    this.openSignup = openSignup;
    this.vertx = vertx;
    this.accounts = accounts;
    this.authn = authn;
    this.hasher = hasher;
    this.throttle = throttle;
    this.urls = urls;
    this.clientAddress = clientAddress;
    this.decoyHash = hasher.hash("decoy password that no account has");
  }

  public void mount(Router router) {
    router.post("/api/auth/signup").handler(this::signup);
    // Whether the sign-up page may offer a new organisation, or should ask for an invitation.
    router.get("/api/auth/signup").handler(rc -> (openSignup ? Future.succeededFuture(false) : accounts.anyOrganisation())
        .map(taken -> new SignupOptions(!taken))
        .onComplete(Responses.json(rc, 200)));
    router.post("/api/auth/login").handler(this::login);
    router.post("/api/auth/logout").handler(this::logout);
    router.get("/api/auth/me").handler(authn::require).handler(rc -> Responses.send(rc, 200, new Me(Authn.account(rc))));
    router.post("/api/invitations").handler(authn::require).handler(this::invite);
    router.get("/api/invitations/:token").handler(this::invitation);
  }

  private void signup(RoutingContext rc) {
    SignupRequest req = Bodies.decode(rc, SignupRequest.class);
    String name = Bodies.text(req.name(), "your name", 1, 100);
    String email = Bodies.email(req.email(), "email");
    String password = password(req.password());
    Optional<String> invitation = Optional.ofNullable(req.invitation()).filter(s -> !s.isBlank());
    String organisation = invitation.isPresent() ? null : Bodies.text(req.organisation(), "the organisation's name", 1, 200);
    vertx.executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> invitation.isPresent()
            ? accounts.createFromInvitation(invitation.get(), name, email, hash).map(found -> found.orElseThrow(() ->
                new ApiError(410, "invitation_invalid", "This invitation link is not valid any more. Ask for a new one.")))
            : accounts.createWithOrganisation(organisation, name, email, hash, openSignup))
        .recover(e -> Future.failedFuture(e instanceof AccountStore.EmailTaken
            ? new ApiError(409, "email_taken", "An account with " + email + " already exists. Sign in instead.")
            : e instanceof AccountStore.SignupClosed
                ? new ApiError(403, "signup_by_invitation", "This server has its organisation already: new accounts join it"
                    + " through an invitation link. Ask a colleague who has an account for one (\"Invite a colleague\", on the sessions page).")
            : e instanceof AccountStore.InvitedAnotherEmail
                ? new ApiError(403, "invitation_for_another_email",
                    "This invitation was made for another email address. Sign up with that one, or ask for an invitation of your own.")
                : e))
        .compose(account -> accounts.startLogin(account.id()).map(token -> {
          authn.setCookie(rc, token);
          return new Me(account);
        }))
        .onComplete(Responses.json(rc, 201));
  }

  private void login(RoutingContext rc) {
    LoginRequest req = Bodies.decode(rc, LoginRequest.class);
    String email = Bodies.text(req.email(), "email", 1, 320);
    String password = req.password() == null ? "" : req.password();
    // Behind a trusted reverse proxy, the address it forwarded (MOCKROOM_TRUSTED_PROXIES).
    String address = clientAddress.of(rc.request());
    Duration wait = throttle.attempt(email, address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, wait.toSeconds());
      rc.response().putHeader("Retry-After", Long.toString(seconds));
      throw new ApiError(429, "too_many_attempts", "Too many failed sign-ins. Try again in " + seconds + " seconds.");
    }
    accounts.credentials(email)
        .compose(found -> vertx.executeBlocking(() -> {
          boolean ok = hasher.verify(password, found.map(AccountStore.Credentials::passwordHash).orElse(decoyHash));
          return ok && found.isPresent() ? found.map(AccountStore.Credentials::account) : Optional.<Account>empty();
        }, false))
        .compose(account -> {
          if (account.isEmpty()) {
            return Future.failedFuture(new ApiError(401, "wrong_credentials", "That email and password do not match an account."));
          }
          throttle.succeeded(email, address);
          return accounts.startLogin(account.get().id()).map(token -> {
            authn.setCookie(rc, token);
            return new Me(account.get());
          });
        })
        .onComplete(Responses.json(rc));
  }

  private void logout(RoutingContext rc) {
    Future<Void> ended = Authn.token(rc).map(accounts::endLogin).orElse(Future.succeededFuture());
    ended.onSuccess(v -> {
      authn.clearCookie(rc);
      rc.response().setStatusCode(204).end();
    }).onFailure(rc::fail);
  }

  private void invite(RoutingContext rc) {
    InviteRequest req = rc.body().length() == 0 ? new InviteRequest(null) : Bodies.decode(rc, InviteRequest.class);
    Optional<String> email = Optional.ofNullable(req.email()).filter(s -> !s.isBlank()).map(e -> Bodies.email(e, "email"));
    Account by = Authn.account(rc);
    accounts.invite(by, email)
        .map(token -> new InvitationView(urls.invitation(rc, token), token, by.organisationName(),
            java.time.OffsetDateTime.now().plus(AccountStore.INVITATION_LIFETIME)))
        .onComplete(Responses.json(rc, 201));
  }

  private void invitation(RoutingContext rc) {
    accounts.invitation(rc.pathParam("token"))
        .map(found -> found.map(i -> new InvitationInfo(i.organisationName(), i.email().orElse(null)))
            .orElseThrow(() -> new ApiError(410, "invitation_invalid", "This invitation link is not valid any more. Ask for a new one.")))
        .onComplete(Responses.json(rc));
  }

  private static String password(String password) {
    if (password == null || password.strip().length() < 10) throw ApiError.badRequest("Choose a password of at least 10 characters (spaces around it do not count).");
    if (password.length() > 200) throw ApiError.badRequest("A password can be at most 200 characters.");
    return password;
  }
}
