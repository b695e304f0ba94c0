package io.mockroom.auth;

import java.util.UUID;

/** A signed-in interviewer, as the rest of the server sees them. */
public record Account(UUID id, UUID organisationId, String organisationName, String email, String name, String role) {}
