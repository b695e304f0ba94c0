package io.mockroom.collab;

/**
 * One editor update as {@code @codemirror/collab} sends it. {@code clientId} is unique per editor
 * session (not per user): it is how a client recognises its own updates coming back, and how the
 * authority recognises a resend of updates it already accepted.
 */
public record Update(String clientId, ChangeSet changes) {}
