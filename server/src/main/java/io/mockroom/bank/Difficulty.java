package io.mockroom.bank;

import java.util.List;

/** A question's level, as the questions table's check constraint has it. One list for every place that checks one. */
public final class Difficulty {
  /** In increasing order. */
  public static final List<String> ALL = List.of("beginner", "intermediate", "advanced");

  private Difficulty() {}

  public static boolean known(String value) {
    return value != null && ALL.contains(value);
  }
}
