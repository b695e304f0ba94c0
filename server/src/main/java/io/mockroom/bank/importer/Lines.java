package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;

/** Small helpers over a document's lines. */
final class Lines {
  private Lines() {}

  /** The document's lines that are not inside a code fence (fence lines themselves excluded). */
  static List<String> outsideFences(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean inFence = false;
    for (String line : lines) {
      if (TextCleaner.isFence(line)) {
        inFence = !inFence;
        continue;
      }
      if (!inFence) out.add(line);
    }
    return out;
  }
}
