package io.mockroom.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockroom.collab.ChangeSet;
import io.mockroom.collab.ChangeSetReader;
import io.mockroom.collab.InvalidChangeSetException;
import io.mockroom.collab.PlainJson;
import io.mockroom.collab.Update;
import io.mockroom.collab.Utf16;
import io.mockroom.room.ClientMessage;
import io.mockroom.room.ProtocolError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decodes one text frame into a {@link ClientMessage}, or throws a {@link ProtocolError} saying
 * what is wrong. The only place that reads client JSON; nesting depth is capped so that hostile
 * input cannot make the parser work hard.
 */
public final class ClientFrames {
  public static final int MAX_UPDATES_PER_PUSH = 200;
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
      .build());
  /** The tree's own factory, so the fast path parses with the same features and limits. */
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private ClientFrames() {}

  public static ClientMessage decode(String text) {
    ClientMessage.Push push = decodePushFast(text);
    return push != null ? push : decodeTree(text);
  }

  /**
   * The hot path: a {@code push} frame read without a tree — as the web client spells it, without
   * a parser ({@link #decodePushPlain}), else as a token stream. It takes only the
   * frame the web client sends ({@code type}, {@code doc}, {@code version}, {@code updates} of
   * {@code {clientID, changes}}, in any order, each once, nothing after the object) and only
   * when everything in it is valid, so what it returns is what {@link #decodeTree} would return.
   * For anything else (another type, an unknown or repeated field, a wrong value, a limit hit,
   * bad JSON) it returns null and {@link #decodeTree} decides, with its error messages.
   */
  static ClientMessage.Push decodePushFast(String text) {
    ClientMessage.Push plain = decodePushPlain(text);
    return plain != null ? plain : decodePushStream(text);
  }

  /** {@link #decodePushFast}'s second try: any spelling of a push, read as a token stream. */
  static ClientMessage.Push decodePushStream(String text) {
    // Spares other frames a parser. A push that escapes the letters of "push" goes to the tree.
    if (!text.contains("\"push\"")) return null;
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      boolean push = false;
      String doc = null;
      int version = -1;
      List<Update> updates = null;
      for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "type" -> {
            if (push || value != JsonToken.VALUE_STRING || !p.getText().equals("push")) return null;
            push = true;
          }
          case "doc" -> {
            if (doc != null || value != JsonToken.VALUE_STRING) return null;
            doc = Utf16.storable(p.getText());
          }
          case "version" -> {
            if (version >= 0 || (version = plainNonNegativeInt(p)) < 0) return null;
          }
          case "updates" -> {
            if (updates != null || (updates = fastUpdates(p)) == null) return null;
          }
          default -> {
            return null;
          }
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return null;
      return push && doc != null && version >= 0 && updates != null ? new ClientMessage.Push(doc, version, updates) : null;
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * The push as the web client writes it — {@code type}, {@code doc}, {@code version},
   * {@code updates} of {@code {clientID, changes}}, in that order, written by
   * {@code JSON.stringify} — read without a parser ({@link PlainJson}). It takes exactly what the
   * token-stream path takes from such text and returns the same push; anything else (another
   * order, whitespace, a limit hit) is null, for the token stream to read.
   */
  static ClientMessage.Push decodePushPlain(String text) {
    PlainJson c = new PlainJson(text);
    if (!c.skip("{\"type\":\"push\",\"doc\":")) return null;
    String doc = c.string();
    if (doc == null || !c.skip(",\"version\":")) return null;
    int version = c.uint();
    if (version < 0 || !c.skip(",\"updates\":[")) return null;
    List<Update> updates = new ArrayList<>(2);
    do {
      if (updates.size() == MAX_UPDATES_PER_PUSH || !c.skip("{\"clientID\":")) return null;
      String clientId = c.string();
      if (clientId == null || (clientId = Utf16.storable(clientId)).length() > 64) return null;
      if (!c.skip(",\"changes\":")) return null;
      ChangeSet changes = ChangeSetReader.read(c);
      if (changes == null || !c.skip('}')) return null;
      updates.add(new Update(clientId, changes));
    } while (c.skip(','));
    return c.skip("]}") && c.atEnd() ? new ClientMessage.Push(Utf16.storable(doc), version, updates) : null;
  }

  /** A non-empty array of at most {@link #MAX_UPDATES_PER_PUSH} valid updates, or null. */
  private static List<Update> fastUpdates(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) return null;
    List<Update> out = new ArrayList<>(2);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      if (out.size() == MAX_UPDATES_PER_PUSH) return null;
      Update u = fastUpdate(p);
      if (u == null) return null;
      out.add(u);
    }
    return p.currentToken() == JsonToken.END_ARRAY && !out.isEmpty() ? out : null;
  }

  /** Exactly {@code {clientID, changes}}, in either order, both valid; else null. */
  private static Update fastUpdate(JsonParser p) throws IOException {
    String clientId = null;
    ChangeSet changes = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      switch (field) {
        case "clientID" -> {
          if (clientId != null || value != JsonToken.VALUE_STRING) return null;
          clientId = Utf16.storable(p.getText());
          if (clientId.length() > 64) return null;
        }
        case "changes" -> {
          if (changes != null || (changes = ChangeSetReader.read(p)) == null) return null;
        }
        default -> {
          return null;
        }
      }
    }
    return p.currentToken() == JsonToken.END_OBJECT && clientId != null && changes != null ? new Update(clientId, changes) : null;
  }

  /** A JSON integer that fits an int and is not negative; -1 for anything else ("3", 3.0, 2^31). */
  private static int plainNonNegativeInt(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) return -1;
    int v = p.getIntValue();
    return v >= 0 ? v : -1;
  }

  /** The general decoder, and the one place that says what is wrong with a frame. */
  static ClientMessage decodeTree(String text) {
    JsonNode n;
    try {
      n = MAPPER.readTree(text);
    } catch (Exception e) {
      throw new ProtocolError("malformed", "The message is not valid JSON.");
    }
    if (n == null || !n.isObject()) throw new ProtocolError("malformed", "A message must be a JSON object with a \"type\".");
    String type = n.path("type").isTextual() ? n.get("type").asText() : null;
    if (type == null) throw new ProtocolError("malformed", "A message needs a \"type\".");
    return switch (type) {
      case "hello" -> new ClientMessage.Hello(optUuid(n, "participantId"), optText(n, "name"),
          n.has("lastSeq") ? nonNegativeLong(n, "lastSeq") : 0, docs(n));
      case "start" -> new ClientMessage.Start();
      case "push_question" -> pushQuestion(n);
      case "push" -> new ClientMessage.Push(text(n, "doc"), nonNegativeInt(n, "version"), updates(n));
      case "cursor" -> new ClientMessage.Cursor(text(n, "doc"), nonNegativeInt(n, "anchor"), nonNegativeInt(n, "head"));
      case "chat" -> confirmable(n, id -> new ClientMessage.Chat(text(n, "text"), id));
      case "note" -> confirmable(n, id -> new ClientMessage.Note(optUuid(n, "questionId"), text(n, "text"), id));
      case "score" -> confirmable(n, id -> new ClientMessage.Score(requiredUuid(n, "questionId"), rubric(n), keyPoints(n), id));
      case "hint" -> confirmable(n, id -> new ClientMessage.Hint(optUuid(n, "questionId"), text(n, "text"), id));
      case "recommend" -> confirmable(n, id -> new ClientMessage.Recommend(recommendation(n), optText(n, "summary"),
          n.path("submit").asBoolean(false), id));
      case "end" -> new ClientMessage.End();
      case "ping" -> new ClientMessage.Ping(n.path("t").asLong(0));
      default -> throw new ProtocolError("unknown_type", "Unknown message type '" + abbreviate(type) + "'.");
    };
  }

  /**
   * A message that may carry an {@code id} ({@link ClientMessage.Confirmable}): the id is read
   * first, so that an error in any other field names the message and its client drops it instead
   * of sending it again. An id that is not a UUID is itself the error (and names nothing).
   */
  private static ClientMessage confirmable(JsonNode n, java.util.function.Function<UUID, ClientMessage> read) {
    UUID id = messageId(n);
    try {
      return read.apply(id);
    } catch (ProtocolError e) {
      throw e.withId(id);
    }
  }

  private static final java.util.regex.Pattern UUID_TEXT =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A message's own id: absent (or null), or a UUID in its 36-character form (UUID.fromString alone also takes "1-2-3-4-5"). */
  private static UUID messageId(JsonNode n) {
    JsonNode v = n.get("id");
    if (v == null || v.isNull()) return null;
    if (!v.isTextual() || !UUID_TEXT.matcher(v.asText()).matches()) {
      throw ProtocolError.invalid("\"id\" must be a UUID of 36 characters, such as crypto.randomUUID() makes.");
    }
    return UUID.fromString(v.asText());
  }

  private static ClientMessage pushQuestion(JsonNode n) {
    boolean byIndex = n.has("planIndex");
    boolean byId = n.has("questionId");
    if (byIndex == byId) throw ProtocolError.invalid("push_question needs either planIndex or questionId.");
    return byIndex ? new ClientMessage.PushQuestion(nonNegativeInt(n, "planIndex"), null)
        : new ClientMessage.PushQuestion(null, optUuid(n, "questionId"));
  }

  private static final java.util.Set<String> RECOMMENDATIONS = java.util.Set.of("strong_no", "no", "yes", "strong_yes");

  private static UUID requiredUuid(JsonNode n, String field) {
    UUID id = optUuid(n, field);
    if (id == null) throw ProtocolError.invalid("\"" + field + "\" is required.");
    return id;
  }

  private static Integer rubric(JsonNode n) {
    JsonNode v = n.get("rubric");
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 4) throw ProtocolError.invalid("\"rubric\" is a score from 1 to 4.");
    return v.asInt();
  }

  private static List<Integer> keyPoints(JsonNode n) {
    JsonNode v = n.get("keyPoints");
    if (v == null || v.isNull()) return List.of();
    if (!v.isArray() || v.size() > 20) throw ProtocolError.invalid("\"keyPoints\" is a list of key point numbers.");
    List<Integer> out = new ArrayList<>();
    for (JsonNode k : v) {
      if (!k.isIntegralNumber()) throw ProtocolError.invalid("\"keyPoints\" is a list of key point numbers.");
      out.add(k.asInt());
    }
    return out;
  }

  private static String recommendation(JsonNode n) {
    String r = optText(n, "recommendation");
    if (r != null && !RECOMMENDATIONS.contains(r)) {
      throw ProtocolError.invalid("\"recommendation\" is one of strong_no, no, yes, strong_yes.");
    }
    return r;
  }

  private static List<Update> updates(JsonNode n) {
    JsonNode arr = n.get("updates");
    if (arr == null || !arr.isArray() || arr.isEmpty()) throw ProtocolError.invalid("push needs a non-empty \"updates\" array.");
    if (arr.size() > MAX_UPDATES_PER_PUSH) throw ProtocolError.invalid("A push can carry at most " + MAX_UPDATES_PER_PUSH + " updates.");
    List<Update> out = new ArrayList<>(arr.size());
    for (JsonNode u : arr) {
      if (!u.isObject()) throw ProtocolError.invalid("Each update must be an object {clientID, changes}.");
      String clientId = text(u, "clientID");
      if (clientId.length() > 64) throw ProtocolError.invalid("clientID is too long.");
      try {
        out.add(new Update(clientId, ChangeSet.fromJson(u.get("changes"))));
      } catch (InvalidChangeSetException e) {
        throw new ProtocolError("invalid_changes", "An update's changes are not a valid ChangeSet: " + e.getMessage());
      }
    }
    return out;
  }

  private static Map<String, Integer> docs(JsonNode n) {
    JsonNode d = n.get("docs");
    if (d == null || d.isNull()) return Map.of();
    if (!d.isObject() || d.size() > 100) throw ProtocolError.invalid("\"docs\" must be an object of document versions.");
    Map<String, Integer> out = new LinkedHashMap<>();
    d.fields().forEachRemaining(e -> {
      if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0 || !e.getValue().isIntegralNumber()) {
        throw ProtocolError.invalid("Document versions must be whole numbers.");
      }
      out.put(e.getKey(), e.getValue().asInt());
    });
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) throw ProtocolError.invalid("\"" + field + "\" must be a string.");
    return Utf16.storable(v.asText());
  }

  private static String optText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw ProtocolError.invalid("\"" + field + "\" must be a string.");
    return Utf16.storable(v.asText());
  }

  private static UUID optUuid(JsonNode n, String field) {
    String s = optText(n, field);
    if (s == null) return null;
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw ProtocolError.invalid("\"" + field + "\" is not an id.");
    }
  }

  private static int nonNegativeInt(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw ProtocolError.invalid("\"" + field + "\" must be a whole number of 0 or more.");
    }
    return v.asInt();
  }

  private static long nonNegativeLong(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw ProtocolError.invalid("\"" + field + "\" must be a whole number of 0 or more.");
    }
    return v.asLong();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
