package io.mockroom.room;

import java.util.List;
import java.util.UUID;

/** What a room needs to know of its session row and what was planned. (Who may join is checked per handshake.) */
public record SessionInfo(UUID id, UUID organisationId, String title, String candidateName, List<PlanItem> plan) {}
