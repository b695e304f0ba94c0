package io.mockroom.bank.importer;

import java.util.Locale;
import java.util.Optional;

/** How hard a question is. The bank stores and filters by {@link #label()}. */
public enum Difficulty {
  BEGINNER, INTERMEDIATE, ADVANCED;

  /** "beginner", "intermediate" or "advanced". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A source's word for a level: "Basic", "Basics", "Beginner", "Easy", "Intermediate", "Advanced"… */
  public static Optional<Difficulty> fromSource(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    return switch (w) {
      case "basic", "basics", "beginner", "beginners", "easy" -> Optional.of(BEGINNER);
      case "intermediate", "medium" -> Optional.of(INTERMEDIATE);
      case "advanced", "hard", "expert" -> Optional.of(ADVANCED);
      default -> Optional.empty();
    };
  }
}
