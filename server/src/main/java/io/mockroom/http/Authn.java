package io.mockroom.http;

import io.mockroom.auth.Account;
import io.mockroom.auth.AccountStore;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The login cookie: set, cleared, and resolved to an {@link Account}. HttpOnly so scripts cannot
 * read it, SameSite=Lax so other sites cannot send it on their requests, Secure when the public
 * URL is https.
 */
public final class Authn {
  public static final String COOKIE = "mockroom_session";
  private static final String KEY = "account";

  private final AccountStore accounts;
  private final boolean secure;

  public Authn(AccountStore accounts, boolean secure) {
    this.accounts = accounts;
    this.secure = secure;
  }

  /**
   * A route handler that lets the request through only with a valid login. Looked up once per
   * request: a route behind another that required it already goes straight on.
   */
  public void require(RoutingContext rc) {
    if (rc.get(KEY) != null) {
      rc.next();
      return;
    }
    current(rc.request()).onSuccess(found -> {
      if (found.isEmpty()) {
        rc.fail(new ApiError(401, "unauthenticated", "Sign in to continue."));
      } else {
        rc.put(KEY, found.get());
        rc.next();
      }
    }).onFailure(rc::fail);
  }

  public static Account account(RoutingContext rc) {
    Account a = rc.get(KEY);
    if (a == null) throw new IllegalStateException("route is not behind Authn.require");
    return a;
  }

  public Future<Optional<Account>> current(HttpServerRequest request) {
    Cookie c = request.getCookie(COOKIE);
    return c == null ? Future.succeededFuture(Optional.empty()) : accounts.byLogin(c.getValue());
  }

  public void setCookie(RoutingContext rc, String token) {
    rc.response().addCookie(cookie(token).setMaxAge(AccountStore.LOGIN_LIFETIME.toSeconds()));
  }

  public void clearCookie(RoutingContext rc) {
    rc.response().addCookie(cookie("").setMaxAge(0));
  }

  public static Optional<String> token(RoutingContext rc) {
    return Optional.ofNullable(rc.request().getCookie(COOKIE)).map(Cookie::getValue);
  }

  private Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(secure);
  }
}
