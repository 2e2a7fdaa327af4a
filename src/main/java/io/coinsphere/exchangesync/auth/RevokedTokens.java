package io.coinsphere.exchangesync.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Signed-out tokens ({@code revoked_tokens}, by {@code jti}). A JWT stays valid until it expires, so signing out
 * lists its id here until then; {@link #guard} makes the decoder refuse listed tokens on every instance. Rows
 * past their token's expiry are no longer needed (the {@code exp} check refuses the token) and are purged at each
 * sign-out.
 */
@Component
public class RevokedTokens {

    /** Longer than the decoder's clock skew (60 s), so a row never goes while its token could still pass. */
    private static final long PURGE_GRACE_SECONDS = 300;

    private final NamedParameterJdbcTemplate jdbc;

    public RevokedTokens(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Lists the token until its expiry. Tokens without a {@code jti} (none are issued) cannot be listed. */
    public void revoke(Jwt token) {
        if (token.getId() == null) {
            return;
        }
        Instant expiresAt = token.getExpiresAt() == null ? Instant.now().plusSeconds(86_400) : token.getExpiresAt();
        jdbc.update("DELETE FROM revoked_tokens WHERE expires_at < :cutoff",
                Map.of("cutoff", Timestamp.from(Instant.now().minusSeconds(PURGE_GRACE_SECONDS))));
        jdbc.update("INSERT INTO revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt) ON CONFLICT (jti) DO NOTHING",
                Map.of("jti", token.getId(), "expiresAt", Timestamp.from(expiresAt)));
    }

    public boolean isRevoked(String jti) {
        return jti != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = :jti)", Map.of("jti", jti), Boolean.class));
    }

    /**
     * Whether the token was signed out, or issued before its account's {@code tokens_valid_after} (set when the
     * account lost a role, see {@link AdminGrants}). One statement of two primary-key lookups.
     */
    boolean isRefused(Jwt jwt) {
        UUID user = userId(jwt.getSubject());
        Instant issued = jwt.getIssuedAt();
        if (user == null || issued == null) {
            return isRevoked(jwt.getId());
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = :jti)"
                + " OR EXISTS (SELECT 1 FROM users WHERE id = :user AND tokens_valid_after > :issued)",
                new MapSqlParameterSource("jti", jwt.getId() == null ? "" : jwt.getId()).addValue("user", user)
                        .addValue("issued", Timestamp.from(issued)), Boolean.class));
    }

    /** {@code decoder}, refusing signed-out and superseded tokens like invalid ones (401). */
    public JwtDecoder guard(JwtDecoder decoder) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            if (isRefused(jwt)) {
                throw new BadJwtException("token signed out");
            }
            return jwt;
        };
    }

    private static UUID userId(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
