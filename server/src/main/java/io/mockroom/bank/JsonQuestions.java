package io.mockroom.bank;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.bank.QuestionFile.Entry;
import io.mockroom.http.ApiError;
import io.mockroom.http.Bodies;
import io.mockroom.http.Json;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON file of an organisation's questions: lossless (every field as stored), and what the
 * import takes back.
 *
 * <pre>{@code
 * {"format": "mockroom-questions", "version": 1, "organisation": "Acme", "exportedAt": "2026-12-02T10:00:00Z",
 *  "questions": [{"prompt": "…", "topic": "…", "difficulty": "intermediate", "keyPoints": ["…"], "answer": "Markdown…"}]}
 * }</pre>
 *
 * <p>Read back, {@code organisation} and {@code exportedAt} are only information, {@code format}
 * and {@code version} are checked when present, and a bare list of questions is taken too. Each
 * question is decoded as strictly as the editor's request body (an unknown field or a wrong type
 * refuses that question, saying which), so a problem in one question is reported with its place
 * and the others are still read.
 */
public final class JsonQuestions {
  public static final String FORMAT = "mockroom-questions";
  public static final int VERSION = 1;

  /** The whole file, as the export writes it. */
  public record Export(String format, int version, String organisation, OffsetDateTime exportedAt, List<QuestionDraft> questions) {
    public Export(String organisation, OffsetDateTime exportedAt, List<QuestionDraft> questions) {
      this(FORMAT, VERSION, organisation, exportedAt, questions);
    }
  }

  private JsonQuestions() {}

  /** Indented, so that a file read or compared by people (a review, a diff) has a question's fields on lines of their own. */
  public static byte[] write(Export export) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the questions as JSON", e);
    }
  }

  static List<Entry> read(String text) {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
      JsonToken first = p.nextToken();
      List<Entry> questions = null;
      if (first == JsonToken.START_ARRAY) {
        questions = elements(p);
      } else if (first == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int line = line(p);
          JsonToken value = p.nextToken();
          switch (name) {
            case "questions" -> {
              if (value != JsonToken.START_ARRAY) throw at(line, "\"questions\" must be a list of questions.");
              questions = elements(p);
            }
            case "format" -> {
              if (value != JsonToken.VALUE_STRING || !FORMAT.equals(p.getText())) {
                throw at(line, "\"format\" is not \"" + FORMAT + "\": this is not a file of Mockroom questions.");
              }
            }
            case "version" -> {
              if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != VERSION) {
                throw at(line, "The file is of version " + p.getText() + " of the format; this server reads version " + VERSION + ".");
              }
            }
            case "organisation", "exportedAt" -> p.skipChildren();
            default -> throw at(line, "Unknown field \"" + name + "\" at the top of the file.");
          }
        }
        if (questions == null) throw ApiError.badRequest("The file has no \"questions\" list.");
      } else {
        throw ApiError.badRequest("A JSON file of questions is an object with a \"questions\" list, as the export writes it, "
            + "or a list of questions.");
      }
      if (p.nextToken() != null) throw at(line(p), "There is more after the end of the JSON.");
      return questions;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw ApiError.badRequest("The file is not valid JSON"
          + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("The file could not be read as JSON.");
    }
  }

  /** The questions of the list the parser is at the start of. */
  private static List<Entry> elements(JsonParser p) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) throw ApiError.badRequest("The file ends inside its list of questions.");
      if (out.size() == QuestionFile.MAX_QUESTIONS) throw QuestionFile.tooManyQuestions();
      int index = out.size() + 1;
      int line = line(p);
      JsonNode question = Json.MAPPER.readTree(p);
      if (question == null || !question.isObject()) {
        out.add(Entry.unreadable(index, line, "A question is a JSON object: {\"prompt\": …, \"topic\": …, \"difficulty\": …, …}."));
        continue;
      }
      try {
        out.add(new Entry(index, line, Bodies.decode(question, QuestionDraft.class), null));
      } catch (ApiError e) {
        out.add(Entry.unreadable(index, line, e.getMessage()));
      }
    }
    return out;
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static ApiError at(int line, String message) {
    return ApiError.badRequest("Line " + line + ": " + message);
  }
}
