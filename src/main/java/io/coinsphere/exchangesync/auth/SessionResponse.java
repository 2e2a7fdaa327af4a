package io.coinsphere.exchangesync.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Answer of {@code GET /api/v1/auth/session}: who is signed in, until when, and the CSRF token that writes with the
 * session cookie must send (null for a token that has none).
 */
public record SessionResponse(boolean authenticated, UUID userId, String email, List<String> roles, Instant expiresAt,
                              String csrfToken) {
}
