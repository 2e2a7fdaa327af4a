package io.coinsphere.exchangesync.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Prometheus's way in: a long random token from the environment ({@code PROMETHEUS_SCRAPE_TOKEN}), sent as a
 * bearer token. It opens {@code /actuator/prometheus} and nothing else (role {@code METRICS}), so a scrape job
 * never holds a human administrator's password. Unset: only administrators read the metrics.
 */
final class ScrapeToken {

    static final String METRICS = "METRICS";
    /** Long enough that guessing is hopeless even without the login bucket's limit. */
    static final int MIN_LENGTH = 32;

    private final byte[] digest;

    ScrapeToken(String token) {
        if (token != null && !token.isBlank() && token.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException("PROMETHEUS_SCRAPE_TOKEN must have at least " + MIN_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
        this.digest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    /**
     * {@code decoder}, but the scrape token itself decodes to a token of the role {@code METRICS}.
     * SECURITY: compared as digests in constant time, so timing reveals nothing of the token.
     */
    JwtDecoder or(JwtDecoder decoder) {
        if (digest == null) {
            return decoder;
        }
        return token -> {
            if (MessageDigest.isEqual(digest, sha256(token))) {
                Instant now = Instant.now();
                return Jwt.withTokenValue(token).header("alg", "none").subject("prometheus")
                        .issuedAt(now).expiresAt(now.plusSeconds(60))
                        .claim(TokenIssuer.ROLES_CLAIM, List.of(METRICS)).build();
            }
            return decoder.decode(token);
        };
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
