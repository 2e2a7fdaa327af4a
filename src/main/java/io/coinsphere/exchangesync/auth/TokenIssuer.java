package io.coinsphere.exchangesync.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues RS256 access tokens: sub = user id, email, roles, iat, exp, iss, jti, csrf, header kid. The {@code jti}
 * names the token for sign-out ({@link RevokedTokens}); the {@code csrf} claim is the value a browser session must
 * echo in {@code X-CSRF-Token} ({@link SessionCsrfGuard}).
 */
public class TokenIssuer {

    /** The {@code iss} claim of every token this service issues and accepts. */
    public static final String ISSUER = "coinsphere-exchange-sync";

    /** The claim holding the token's CSRF value; see {@link SessionCsrfGuard}. */
    public static final String CSRF_CLAIM = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JwtEncoder encoder;
    private final String keyId;
    private final Duration ttl;

    public TokenIssuer(JwtEncoder encoder, String keyId, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("coinsphere.security.jwt.ttl must be positive");
        }
        this.encoder = encoder;
        this.keyId = keyId;
        this.ttl = ttl;
    }

    /** The claim that lists the user's roles ({@code USER}, {@code ADMIN}); read by {@link SecurityConfig}. */
    public static final String ROLES_CLAIM = "roles";

    /** A signed token for {@code userId} with the plain user role. */
    public LoginResponse issue(UUID userId, String email) {
        return issue(userId, email, List.of(Roles.USER));
    }

    /** A signed token for {@code userId} carrying {@code roles}. */
    public LoginResponse issue(UUID userId, String email, List<String> roles) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("email", email)
                .claim(ROLES_CLAIM, List.copyOf(roles))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                // SECURITY: signed into the token, so the server needs no session store to check it, and a site
                // that can make the browser send the cookie still cannot know it.
                .claim(CSRF_CLAIM, randomToken())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return LoginResponse.bearer(token, ttl.toSeconds(), (String) claims.getClaims().get(CSRF_CLAIM));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
