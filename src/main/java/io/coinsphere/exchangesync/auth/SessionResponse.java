package io.coinsphere.exchangesync.auth;

import java.util.List;
import java.util.UUID;

/**
 * Answer of {@code GET /api/v1/auth/session}: who is signed in, until when, and the CSRF token that writes with the
 * session cookie must send (null for a token that has none). {@code expiresAt} is an ISO-8601 instant.
 */
public record SessionResponse(boolean authenticated, UUID userId, String email, List<String> roles, String expiresAt,
                              String csrfToken) {
}
