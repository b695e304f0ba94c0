package io.mockroom.bank;

import io.mockroom.collab.Utf16;
import io.mockroom.http.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file of an organisation's own questions, as the export writes it and the import reads it:
 * JSON ({@link JsonQuestions}, lossless, what other tools should write) or Markdown
 * ({@link MarkdownQuestions}, for people, and read back as well). Both formats are described in
 * the README, "Your own questions: import and export".
 */
public final class QuestionFile {
  /**
   * The largest file an import takes: some 500 questions of a few KB each. It is the body limit
   * of {@code POST /api/questions/import} alone (every other request stays at 256 KiB).
   */
  public static final int MAX_BYTES = 2 * 1024 * 1024;
  /** The most questions one import writes, in one transaction; a larger bank is imported in parts. */
  public static final int MAX_QUESTIONS = 500;

  public enum Format {
    JSON("json"), MARKDOWN("markdown");

    public final String wire;

    Format(String wire) {
      this.wire = wire;
    }
  }

  /**
   * One question of the file: its place (1-based {@code index}, and the {@code line} where it
   * starts, or where its problem is), its fields as written (not yet validated), or the
   * {@code problem} that kept them from being read ({@code draft} is then null).
   */
  public record Entry(int index, int line, QuestionDraft draft, String problem) {
    static Entry unreadable(int index, int line, String problem) {
      return new Entry(index, line, null, problem);
    }
  }

  public record Read(Format format, List<Entry> questions) {}

  private QuestionFile() {}

  /**
   * The questions of an uploaded file, in its order. A file whose first character is {@code {}
   * or {@code [} is JSON, any other Markdown. Fails with a 400 when the file as a whole cannot be
   * read (not JSON after all, no questions), and a 413 past {@link #MAX_QUESTIONS}.
   */
  public static Read read(byte[] bytes) {
    String text = Utf16.storable(new String(bytes, StandardCharsets.UTF_8));
    if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte order mark some editors write
    String start = text.stripLeading();
    if (start.isEmpty()) throw new ApiError(400, "no_questions", "The file is empty.");
    Read read = start.startsWith("{") || start.startsWith("[")
        ? new Read(Format.JSON, JsonQuestions.read(text))
        : new Read(Format.MARKDOWN, MarkdownQuestions.read(text));
    if (read.questions().isEmpty()) {
      throw new ApiError(400, "no_questions", read.format() == Format.JSON
          ? "The file holds no questions: its \"questions\" list is empty."
          : "The file holds no questions: in Markdown, each question starts with a \"## Question\" heading "
              + "(export your questions as Markdown to see the format).");
    }
    return read;
  }

  static ApiError tooManyQuestions() {
    return new ApiError(413, "too_many_questions", "A file can hold at most " + MAX_QUESTIONS
        + " questions. Split it into smaller files and import them one after the other.");
  }
}
