package io.mockroom.collab;

import java.util.Objects;

/**
 * One editor update as {@code @codemirror/collab} sends it ({@code {clientID, changes}}).
 *
 * <p>{@code clientId} is unique per editor session, not per user: it is how a client recognises
 * its own updates coming back (its confirmation), and how the authority recognises a resend of
 * updates it already accepted. A client never merges a sent update with later ones or edits it,
 * except by mapping it over remote changes exactly as the authority would.
 */
public record Update(String clientId, ChangeSet changes) {
  public Update {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(changes, "changes");
  }
}
