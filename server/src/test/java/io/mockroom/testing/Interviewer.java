package io.mockroom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A signed-up interviewer of a test server: its login cookie and helpers to create sessions. */
public record Interviewer(String baseUrl, String cookie, JsonNode account) {
  private static final AtomicInteger N = new AtomicInteger();

  public static Interviewer signUp(TestServer server, String organisation) {
    return signUp(server.baseUrl(), organisation);
  }

  public static Interviewer signUp(String baseUrl, String organisation) {
    String email = "ada" + N.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Http.Reply r = Http.post(baseUrl + "/api/auth/signup",
        Map.of("organisation", organisation, "name", "Ada Lovelace", "email", email, "password", "correct horse battery"), null);
    if (r.status() != 201) throw new AssertionError("signup failed: " + r.status() + " " + r.body());
    return new Interviewer(baseUrl, cookie(r), r.json().get("account"));
  }

  public static String cookie(Http.Reply r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("mockroom_session="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no login cookie in " + r.headers()));
  }

  /** A session planned with the first {@code questions} questions of the imported bank (2 minutes each). */
  public JsonNode createSession(String title, String candidate, int questions) {
    JsonNode bank = Http.get(baseUrl + "/api/questions?origin=import&pageSize=" + Math.max(1, questions), cookie).json().get("items");
    List<Map<String, Object>> plan = new ArrayList<>();
    for (int i = 0; i < questions; i++) plan.add(Map.of("questionId", bank.get(i).get("id").asText(), "minutes", 2));
    Http.Reply r = Http.post(baseUrl + "/api/sessions",
        Map.of("title", title, "candidateName", candidate, "plan", plan), cookie);
    if (r.status() != 201) throw new AssertionError("create session failed: " + r.status() + " " + r.body());
    return r.json();
  }

  /** A colleague: invited to this interviewer's organisation, signed up through the invitation. */
  public Interviewer colleague(String name) {
    String invite = Http.post(baseUrl + "/api/invitations", "{}", cookie).json().get("token").asText();
    String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + N.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Http.Reply r = Http.post(baseUrl + "/api/auth/signup",
        Map.of("invitation", invite, "name", name, "email", email, "password", "correct horse battery"), null);
    if (r.status() != 201) throw new AssertionError("signup through an invitation failed: " + r.status() + " " + r.body());
    return new Interviewer(baseUrl, cookie(r), r.json().get("account"));
  }

  public String id() {
    return account.get("id").asText();
  }

  /** The candidate link's token. */
  public static String token(JsonNode session) {
    String url = session.get("candidateUrl").asText();
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
