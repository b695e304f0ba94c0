package io.mockroom.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.mockroom.collab.Utf16;
import io.mockroom.text.VisibleText;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/** Decodes a JSON request body into a record once, at the edge, with errors a person can read. */
public final class Bodies {
  /**
   * Strict about types (a number is not a string, 2.7 is not a whole number), and every string
   * arrives storable: Postgres text holds neither U+0000 nor half a surrogate pair (it refused
   * the first with a 500, and stored the second as "?"), so both become U+FFFD, as in rooms.
   */
  private static final ObjectMapper READER = Json.MAPPER.copy()
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .registerModule(new SimpleModule("storable-strings").addDeserializer(String.class, new StorableString()));

  static {
    READER.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  private static final class StorableString extends StdScalarDeserializer<String> {
    StorableString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) return (String) ctx.handleUnexpectedToken(String.class, p);
      return Utf16.storable(p.getText());
    }
  }

  private Bodies() {}

  public static <T> T decode(RoutingContext rc, Class<T> type) {
    io.vertx.core.buffer.Buffer body = rc.body().buffer();
    if (body == null || body.length() == 0) throw ApiError.badRequest("The request needs a JSON body.");
    try {
      T value = READER.readValue(body.getBytes(), type);
      if (value == null) throw ApiError.badRequest("The request body must be a JSON object.");
      return value;
    } catch (IOException e) {
      throw readable(e);
    }
  }

  /**
   * One JSON value already parsed (an element of an uploaded file), decoded as strictly as a
   * request body, with the same messages ("Unknown field 'x'.").
   */
  public static <T> T decode(JsonNode tree, Class<T> type) {
    try {
      return READER.treeToValue(tree, type);
    } catch (IOException e) {
      throw readable(e);
    }
  }

  private static ApiError readable(IOException e) {
    if (e instanceof UnrecognizedPropertyException u) return ApiError.badRequest("Unknown field '" + u.getPropertyName() + "'.");
    if (e instanceof MismatchedInputException m) {
      // The innermost named field: an element of a list ("keyPoints": [1]) has an index, not a name.
      String field = "body";
      for (var ref : m.getPath()) if (ref.getFieldName() != null) field = ref.getFieldName();
      return ApiError.badRequest("Field '" + field + "' has the wrong type.");
    }
    if (e instanceof JsonProcessingException) {
      // A number past its field's range arrives as the parser's coercion error, possibly wrapped.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof com.fasterxml.jackson.core.exc.InputCoercionException) return ApiError.badRequest("A number in the request body is too large.");
      }
      return ApiError.badRequest("The request body is not valid JSON.");
    }
    return ApiError.badRequest("The request body could not be read.");
  }

  /**
   * A required text field, trimmed, between {@code min} and {@code max} characters. {@code field}
   * names it inside a sentence ("a title"); a message that starts with it starts with a capital.
   */
  public static String text(String value, String field, int min, int max) {
    String v = value == null ? "" : value.strip();
    String subject = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    if (v.length() < min || (min >= 1 && !VisibleText.hasVisible(v))) {
      throw ApiError.badRequest(min <= 1 ? "Please fill in " + field + "." : subject + " needs at least " + min + " characters.");
    }
    if (v.length() > max) throw ApiError.badRequest(subject + " can be at most " + max + " characters.");
    return v;
  }

  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  public static String email(String value, String field) {
    String v = text(value, field, 1, 320);
    if (!EMAIL.matcher(v).matches()) throw ApiError.badRequest("'" + v + "' does not look like an email address.");
    return v;
  }
}
