package io.mockroom.collab;

/** A ChangeSet in JSON that is malformed, or that does not fit the document it is applied to. */
public final class InvalidChangeSetException extends RuntimeException {
  public InvalidChangeSetException(String message) {
    super(message, null, false, false);
  }
}
