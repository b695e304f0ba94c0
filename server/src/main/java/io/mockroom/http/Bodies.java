package io.mockroom.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.ext.web.RoutingContext;

/** Decodes a JSON request body into a record once, at the edge, with errors a person can read. */
public final class Bodies {
  private Bodies() {}

  public static <T> T decode(RoutingContext rc, Class<T> type) {
    io.vertx.core.buffer.Buffer body = rc.body().buffer();
    if (body == null || body.length() == 0) throw ApiError.badRequest("The request needs a JSON body.");
    try {
      T value = Json.MAPPER.readValue(body.getBytes(), type);
      if (value == null) throw ApiError.badRequest("The request body must be a JSON object.");
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiError.badRequest("Unknown field '" + e.getPropertyName() + "'.");
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw ApiError.badRequest("Field '" + field + "' has the wrong type.");
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("The request body is not valid JSON.");
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("The request body could not be read.");
    }
  }

  /**
   * A required text field, trimmed, between {@code min} and {@code max} characters. {@code field}
   * names it inside a sentence ("a title"); a message that starts with it starts with a capital.
   */
  public static String text(String value, String field, int min, int max) {
    String v = value == null ? "" : value.strip();
    String subject = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    if (v.length() < min) throw ApiError.badRequest(min <= 1 ? "Please fill in " + field + "." : subject + " needs at least " + min + " characters.");
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
