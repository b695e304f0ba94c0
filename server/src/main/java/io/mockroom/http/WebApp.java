package io.mockroom.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the server: security headers on every response, the JSON API, the built
 * browser app from {@code classpath:webroot/} (any other GET path gets {@code index.html}, the
 * app routes itself), and one failure handler that turns every failure into a JSON error.
 */
public final class WebApp {
  private static final Logger log = LoggerFactory.getLogger(WebApp.class);

  /**
   * The app loads only its own scripts, styles and sockets, and is never framed. Style
   * attributes are allowed (CodeMirror positions its layers with them); a style element must carry
   * the page's nonce (CodeMirror's theme, see {@link #appPage}); every script comes only from
   * this server.
   */
  static final String CSP = csp("'self'");

  static String csp(String styleSources) {
    return String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src " + styleSources,
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");
  }

  private WebApp() {}

  /** Creates the router; {@code mountApi} adds the API routes between the headers and the static files. */
  public static Router create(Vertx vertx, java.util.function.Consumer<Router> mountApi) {
    Router router = Router.router(vertx);
    router.route().handler(WebApp::securityHeaders);
    mountApi.accept(router);
    router.route("/api/*").handler(rc -> {
      throw ApiError.notFound("No API endpoint " + rc.request().method() + " " + rc.request().path() + ".");
    });
    String index = indexPage().toString();
    router.get("/").handler(rc -> appPage(rc, index));
    router.get("/index.html").handler(rc -> appPage(rc, index));
    router.route("/*").handler(StaticHandler.create("webroot")
        .setCachingEnabled(true)
        .setMaxAgeSeconds(300));
    router.get("/*").handler(rc -> appPage(rc, index));
    router.route().failureHandler(WebApp::failure);
    // A path whose routes take other methods (PATCH /health): the router's own 405 has no body.
    router.errorHandler(405, WebApp::failure);
    return router;
  }

  /**
   * The app's one HTML page, for every app path. Each response gets a fresh nonce, in the CSP and
   * in a meta tag the app hands to CodeMirror ({@code EditorView.cspNonce}) for its style element.
   */
  private static void appPage(RoutingContext rc, String index) {
    byte[] bytes = new byte[18];
    NONCES.nextBytes(bytes);
    String nonce = java.util.Base64.getEncoder().encodeToString(bytes);
    rc.response()
        .putHeader("Content-Security-Policy", csp("'self' 'nonce-" + nonce + "'"))
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(index.replace("__CSP_NONCE__", nonce));
  }

  private static final java.security.SecureRandom NONCES = new java.security.SecureRandom();

  private static void securityHeaders(RoutingContext rc) {
    rc.response().headers()
        .add("Content-Security-Policy", CSP)
        .add("X-Content-Type-Options", "nosniff")
        .add("X-Frame-Options", "DENY")
        .add("Referrer-Policy", "no-referrer")
        .add("Cross-Origin-Opener-Policy", "same-origin");
    rc.next();
  }

  private static void failure(RoutingContext rc) {
    Throwable e = rc.failure();
    ApiError error;
    if (e instanceof ApiError api) {
      error = api;
    } else if (e == null && rc.statusCode() == 404) {
      error = ApiError.notFound("Nothing at " + rc.request().path() + ".");
    } else if (e == null && rc.statusCode() == 405) {
      error = new ApiError(405, "method_not_allowed", rc.request().path() + " does not take " + rc.request().method() + ".");
    } else if (e == null && rc.statusCode() == 413) {
      error = new ApiError(413, "too_large", "The request body is too large.");
    } else if (e == null && rc.statusCode() >= 400 && rc.statusCode() < 500) {
      error = new ApiError(rc.statusCode(), "bad_request", "The request was not understood.");
    } else {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      log.error("Request {} {} failed (ref {})", rc.request().method(), rc.request().path(), ref, e);
      error = new ApiError(500, "internal", "Something went wrong on the server (ref " + ref + "). "
          + "The error is logged; try again, and report the ref if it keeps happening.");
    }
    Responses.send(rc, error.status(), error.body());
  }

  private static Buffer indexPage() {
    try (InputStream in = WebApp.class.getClassLoader().getResourceAsStream("webroot/index.html")) {
      if (in == null) {
        return Buffer.buffer("<!doctype html><title>Mockroom</title><p>The browser app is not built into this jar.");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read webroot/index.html", e);
    }
  }
}
