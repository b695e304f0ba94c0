package io.mockroom.config;

/**
 * A setting that must not be shown: a record holding one prints as {@code (hidden)}, so logging a
 * {@link Config} or failing on it never writes the value out.
 */
public record Secret(String value) {
  @Override
  public String toString() {
    return "(hidden)";
  }
}
