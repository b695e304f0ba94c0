package io.mockroom.bank.importer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language a code fence is labelled with. A source's label is kept when it is plausible; it is
 * corrected only where the sources are known to lie: the interview guide labels Python snippets
 * {@code javascript}, and the chat export labels program output {@code vbnet}. A block without a
 * label gets one from its content. Invariant: the body of a block is never changed here, except
 * that a block relabelled from JavaScript to Python has its {@code //} comment lines turned into
 * {@code #} comments, so that the Python it now claims to be is valid Python.
 */
final class CodeLanguage {
  private CodeLanguage() {}

  record Labelled(String language, List<String> body) {}

  private static final Pattern PYTHON = Pattern.compile(
      "^\\s*(def |class |import |from \\S+ import |async def |@\\w|with |for .+ in .+:|if .+:|elif |else:|try:|except\\b"
          + "|return\\b|yield\\b|print\\(|pass\\b|lambda\\b|raise\\b|\\w+ = .+|\\[.+ for .+ in .+\\]|#)");
  private static final Pattern SHELL = Pattern.compile(
      "^\\s*(\\$ )?(pip3?|python3?|virtualenv|pylint|pytest|mypy|black|flake8|poetry|pipenv|source|cd|ls|mkdir|export|conda)"
          + "(\\s|$)");
  private static final Pattern JAVASCRIPT = Pattern.compile(
      "\\b(function\\b|const |let |var |=>|console\\.|document\\.|require\\()");
  /** Labels a chat UI guesses for plain output ("Hello!", "Loop finished"). */
  private static final Set<String> OUTPUT_GUESSES = Set.of("vbnet", "arduino", "csharp", "mathematica", "less", "scss",
      "perl", "yaml", "lua", "css", "sql", "rust", "ruby", "go", "kotlin", "swift", "r");
  private static final Set<String> PYTHON_NAMES = Set.of("python", "py", "python3", "py3", "pycon", "ipython");

  static Labelled label(String sourceLabel, List<String> body) {
    String label = sourceLabel.strip().toLowerCase(Locale.ROOT);
    if (PYTHON_NAMES.contains(label)) return new Labelled("python", body);
    boolean shell = !body.isEmpty() && body.stream().filter(l -> !l.isBlank()).allMatch(l -> SHELL.matcher(l).find());
    boolean js = body.stream().anyMatch(l -> JAVASCRIPT.matcher(l).find());
    boolean python = !js && body.stream().anyMatch(l -> PYTHON.matcher(l).find() && !l.strip().startsWith("//"));
    if (label.equals("javascript") || label.equals("js")) {
      if (shell) return new Labelled("bash", body);
      if (python || body.stream().allMatch(l -> l.isBlank() || l.strip().startsWith("//") || looksLikePythonCall(l))) {
        return new Labelled("python", body.stream().map(CodeLanguage::pythonComment).toList());
      }
      return new Labelled("javascript", body);
    }
    if (label.isEmpty() || OUTPUT_GUESSES.contains(label)) {
      if (shell) return new Labelled("bash", body);
      if (python) return new Labelled("python", body);
      return new Labelled(label.isEmpty() || OUTPUT_GUESSES.contains(label) && !plausible(label, body) ? "text" : label, body);
    }
    return new Labelled(label, body);
  }

  /** {@code requests.get('https://api.com')}, {@code zip([1,2], ['a','b'])}: a bare Python call. */
  private static boolean looksLikePythonCall(String line) {
    return line.strip().matches("[\\w.]+\\(.*\\)\\s*(#.*)?") && !line.contains(";");
  }

  /** Whether a guessed label could be right: SQL with SQL keywords, CSS with braces, and so on. */
  private static boolean plausible(String label, List<String> body) {
    String all = String.join("\n", body);
    return switch (label) {
      case "sql" -> all.matches("(?is).*\\b(select|insert|update|create|delete)\\b.*");
      case "css", "less", "scss" -> all.contains("{") && all.contains(":");
      case "yaml" -> all.matches("(?s).*^\\s*[\\w-]+:.*") && !all.contains("(");
      default -> false;
    };
  }

  private static String pythonComment(String line) {
    return line.replaceFirst("^(\\s*)//\\s?", "$1# ");
  }
}
