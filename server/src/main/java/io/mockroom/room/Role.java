package io.mockroom.room;

/** What a participant may do and see in a room. Staff (interviewers, observers) see answer keys. */
public enum Role {
  INTERVIEWER, OBSERVER, CANDIDATE;

  public boolean staff() {
    return this != CANDIDATE;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
