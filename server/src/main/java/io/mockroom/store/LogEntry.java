package io.mockroom.store;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** One event of a session's append-only log; {@code version} is gap-free per session. */
public record LogEntry(UUID sessionId, long version, String type, UUID participantId, JsonObject payload) {}
