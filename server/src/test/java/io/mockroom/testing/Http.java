package io.mockroom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against a test server, answers parsed as JSON. */
public final class Http {
  static {
    // Pooled connections idle for more than a second are not reused: some tests shorten the
    // server's idle timeout to seconds, and a connection it closed must not be picked up again.
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) System.setProperty("jdk.httpclient.keepalive.timeout", "1");
  }

  // HTTP/1.1: the keep-alive timeout above governs its pool (JDK 17 keeps HTTP/2 connections open).
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("Not JSON (status " + status + "): " + body, e);
      }
    }
  }

  private Http() {}

  public static Reply get(String url) {
    return get(url, null);
  }

  /** GET with a cookie header (may be null) and extra headers (name, value, …). */
  public static Reply get(String url, String cookie, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
      if (cookie != null) b.header("Cookie", cookie);
      for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
      HttpResponse<String> r;
      try {
        r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException staleConnection) {
        // The pooled connection may have been closed by the server's idle timeout just as it was
        // reused ("idle connection closed by peer"); a GET is safe to send once more, as browsers do.
        r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      }
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new AssertionError("GET " + url + " failed: " + e, e);
    }
  }

  /** POST a JSON body with a cookie header (may be null) and extra headers (name, value, …). */
  public static Reply post(String url, Object body, String cookie, String... headers) {
    return send("POST", url, body, cookie, headers);
  }

  /** DELETE with a cookie header (may be null) and extra headers (name, value, …). */
  public static Reply delete(String url, String cookie, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).DELETE();
      if (cookie != null) b.header("Cookie", cookie);
      for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new AssertionError("DELETE " + url + " failed: " + e, e);
    }
  }

  /** PUT a JSON body, as {@link #post}. */
  public static Reply put(String url, Object body, String cookie, String... headers) {
    return send("PUT", url, body, cookie, headers);
  }

  private static Reply send(String method, String url, Object body, String cookie, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.MAPPER.writeValueAsString(body)));
      if (cookie != null) b.header("Cookie", cookie);
      for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new AssertionError(method + " " + url + " failed: " + e, e);
    }
  }
}
