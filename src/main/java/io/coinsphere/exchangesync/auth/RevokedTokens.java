package io.coinsphere.exchangesync.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
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

    /** {@code decoder}, refusing signed-out tokens like invalid ones (401). One primary-key lookup per request. */
    public JwtDecoder guard(JwtDecoder decoder) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            if (isRevoked(jwt.getId())) {
                throw new BadJwtException("token signed out");
            }
            return jwt;
        };
    }
}
