package io.coinsphere.exchangesync.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a token of the external issuer to a local account. The external {@code sub} means nothing here; the
 * account is found by the token's {@code email} claim, which the issuer must mark {@code email_verified: true}.
 * There is no auto-provisioning: the person registers first (so an account always has its own password and
 * default portfolio), then may sign in either way.
 *
 * <p>SECURITY: an external token is a plain {@code USER}, whatever it claims and whoever it names: an administrator
 * signs in with this service's own login, so an external issuer (or an account taken over there) can never open the
 * operations paths.
 */
final class ExternalTokens {

    /** The external subject, kept in the mapped token for audit. */
    static final String EXTERNAL_SUBJECT_CLAIM = "ext_sub";

    private final NamedParameterJdbcTemplate jdbc;
    ExternalTokens(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The token with {@code sub} = local user id and the role {@code USER}; 401 when no account matches. */
    Jwt toLocal(Jwt external) {
        Object verified = external.getClaims().get("email_verified");
        String email = AuthService.normalizeEmail(external.getClaimAsString("email"));
        if (email == null || email.isEmpty() || !(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw new BadJwtException("The external token carries no verified email");
        }
        List<UUID> ids = jdbc.queryForList("SELECT id FROM users WHERE email = :email", Map.of("email", email), UUID.class);
        if (ids.isEmpty()) {
            throw new BadJwtException("No account has the external token's email");
        }
        return Jwt.withTokenValue(external.getTokenValue())
                .headers(h -> h.putAll(external.getHeaders()))
                .claims(c -> {
                    c.putAll(external.getClaims());
                    c.put(EXTERNAL_SUBJECT_CLAIM, String.valueOf(external.getSubject()));
                    c.put("sub", ids.get(0).toString());
                    c.put(TokenIssuer.ROLES_CLAIM, Roles.of(false));
                })
                .build();
    }
}
