package io.mockroom.store;

import java.util.UUID;

/**
 * One event of a session's append-only log; {@code version} is gap-free per session.
 * {@code payload} is the event's JSON object, already encoded (the hot path writes it once).
 */
public record LogEntry(UUID sessionId, long version, String type, UUID participantId, String payload) {}
