package io.mockroom.bank;

import io.mockroom.bank.QuestionFile.Entry;
import io.mockroom.http.ApiError;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown file of an organisation's questions: for people to read, and read back by the
 * import. Whatever comes before the first question is a preamble and is not read.
 *
 * <pre>
 * ## Question 1
 *
 * - Topic: Python basics
 * - Difficulty: intermediate
 *
 * ### Prompt
 *
 * What does a generator return?
 *
 * ### Key points
 *
 * - A generator object
 *
 * ### Reference answer
 *
 * Markdown, as written in the editor…
 * </pre>
 *
 * <p>Why it is unambiguous: the structure is made of whole lines of exactly these shapes —
 * {@code ## Question…} and {@code ### Prompt}, {@code ### Key points}, {@code ### Reference
 * answer} (any case) — and nothing else. A prompt or answer line that has one of these shapes
 * (with any number of backslashes before it) is written with one more backslash in front, and
 * read back with one less; every other line of a prompt or answer is written as it is, code
 * fences included. So any text reads back as it was written. Topic and difficulty are the
 * {@code - Topic:} and {@code - Difficulty:} lines between a question's heading and its first
 * field; each key point is one {@code - } line. Lossless but for two things, which the JSON
 * keeps: a line break inside a topic or a key point becomes a space (the app shows it as one),
 * and line ends are read as {@code \n}.
 */
public final class MarkdownQuestions {
  private static final Pattern QUESTION = Pattern.compile("## +question(?:[ \\t].*)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIELD = Pattern.compile("### +(prompt|key points|reference answer)[ \\t]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOPIC = Pattern.compile("[-*+] +topic:(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIFFICULTY = Pattern.compile("[-*+] +difficulty:(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern KEY_POINT = Pattern.compile("[-*+] +(.*)");
  private static final Pattern CARRIAGE_RETURNS = Pattern.compile("\r+\n");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private MarkdownQuestions() {}

  public static String write(String organisation, OffsetDateTime exportedAt, List<QuestionDraft> questions) {
    String org = oneLine(organisation);
    int n = questions.size();
    StringBuilder md = new StringBuilder();
    md.append("# Questions of ").append(org).append("\n\n");
    md.append("Exported from Mockroom on ").append(DAY.format(exportedAt.withOffsetSameInstant(ZoneOffset.UTC))).append(": ")
        .append(n).append(n == 1 ? " question" : " questions").append(" written in ").append(org).append(".\n\n");
    md.append("Mockroom imports this file back (Question bank, \"Import questions…\"). Each \"## Question\" section is one\n")
        .append("question: its topic and difficulty, then \"### Prompt\", \"### Key points\" and \"### Reference answer\". A line of\n")
        .append("a prompt or an answer that would read as one of these headings has a backslash in front.\n");
    for (int i = 0; i < n; i++) {
      QuestionDraft q = questions.get(i);
      md.append("\n## Question ").append(i + 1).append("\n\n");
      md.append("- Topic: ").append(oneLine(q.topic())).append('\n');
      md.append("- Difficulty: ").append(q.difficulty()).append('\n');
      md.append("\n### Prompt\n\n");
      appendEscaped(md, q.prompt());
      if (!q.keyPoints().isEmpty()) {
        md.append("\n### Key points\n\n");
        for (String k : q.keyPoints()) md.append("- ").append(oneLine(k)).append('\n');
      }
      if (!q.answer().isEmpty()) {
        md.append("\n### Reference answer\n\n");
        appendEscaped(md, q.answer());
      }
    }
    return md.toString();
  }

  private enum Section { META, PROMPT, KEY_POINTS, ANSWER }

  /** One question being read: its fields so far, and the first problem found in it. */
  private static final class Reading {
    final int index;
    final int line;
    String topic;
    String difficulty;
    final List<String> prompt = new ArrayList<>();
    final List<String> keyPoints = new ArrayList<>();
    final List<String> answer = new ArrayList<>();
    final List<Section> seen = new ArrayList<>();
    Section section = Section.META;
    String problem;
    int problemLine;

    Reading(int index, int line) {
      this.index = index;
      this.line = line;
    }

    void problem(int at, String what) {
      if (problem != null) return;
      problem = "Line " + at + ": " + what;
      problemLine = at;
    }

    Entry entry() {
      if (problem != null) return Entry.unreadable(index, problemLine, problem);
      return new Entry(index, line, new QuestionDraft(seen.contains(Section.PROMPT) ? String.join("\n", prompt) : null,
          String.join("\n", answer), topic, difficulty, List.copyOf(keyPoints)), null);
    }
  }

  static List<Entry> read(String text) {
    String[] lines = text.split("\n", -1);
    List<Entry> out = new ArrayList<>();
    Reading q = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      int number = i + 1;
      if (QUESTION.matcher(line).matches()) {
        if (q != null) out.add(q.entry());
        if (out.size() == QuestionFile.MAX_QUESTIONS) throw QuestionFile.tooManyQuestions();
        q = new Reading(out.size() + 1, number);
        continue;
      }
      Matcher field = FIELD.matcher(line);
      if (q == null) {
        if (field.matches()) {
          throw ApiError.badRequest("Line " + number + ": \"" + line.strip() + "\" comes before the first \"## Question\" heading.");
        }
        continue; // the preamble
      }
      if (field.matches()) {
        Section next = switch (field.group(1).toLowerCase(Locale.ROOT)) {
          case "prompt" -> Section.PROMPT;
          case "key points" -> Section.KEY_POINTS;
          default -> Section.ANSWER;
        };
        if (q.seen.contains(next)) q.problem(number, "a second \"" + line.strip() + "\" in this question.");
        q.seen.add(next);
        q.section = next;
        continue;
      }
      switch (q.section) {
        case META -> meta(q, line, number);
        case PROMPT -> q.prompt.add(unescaped(line));
        case ANSWER -> q.answer.add(unescaped(line));
        case KEY_POINTS -> {
          if (line.isBlank()) break;
          Matcher point = KEY_POINT.matcher(line);
          if (point.matches()) q.keyPoints.add(point.group(1));
          else q.problem(number, "a key point is a line that starts with \"- \".");
        }
      }
    }
    if (q != null) out.add(q.entry());
    return out;
  }

  private static void meta(Reading q, String line, int number) {
    if (line.isBlank()) return;
    Matcher topic = TOPIC.matcher(line);
    Matcher difficulty = DIFFICULTY.matcher(line);
    if (topic.matches() && q.topic == null) {
      q.topic = topic.group(1).strip();
    } else if (difficulty.matches() && q.difficulty == null) {
      // The app shows "Intermediate"; a person writing the file may too.
      q.difficulty = difficulty.group(1).strip().toLowerCase(Locale.ROOT);
    } else if (topic.matches() || difficulty.matches()) {
      q.problem(number, "a second \"" + line.strip() + "\" in this question.");
    } else {
      q.problem(number, "between \"## Question\" and \"### Prompt\" a question has only its \"- Topic: …\" and "
          + "\"- Difficulty: …\" lines.");
    }
  }

  /** Whether a line is one of the file's structure: a question's heading or a field's. */
  private static boolean structure(String line) {
    return QUESTION.matcher(line).matches() || FIELD.matcher(line).matches();
  }

  private static int backslashes(String line) {
    int k = 0;
    while (k < line.length() && line.charAt(k) == '\\') k++;
    return k;
  }

  /**
   * Each line of {@code text}, one backslash more in front of a line that would read as structure.
   * Line ends become {@code \n} first, as the reader takes them: a {@code \r} left at a line's end
   * would hide its shape here and be dropped there.
   */
  private static void appendEscaped(StringBuilder md, String text) {
    for (String line : CARRIAGE_RETURNS.matcher(text).replaceAll("\n").split("\n", -1)) {
      if (structure(line.substring(backslashes(line)))) md.append('\\');
      md.append(line).append('\n');
    }
  }

  private static String unescaped(String line) {
    int k = backslashes(line);
    return k > 0 && structure(line.substring(k)) ? line.substring(1) : line;
  }

  private static String oneLine(String s) {
    return LINE_BREAKS.matcher(s).replaceAll(" ");
  }
}
