package io.coinsphere.exchangesync.auth;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Sends a token to the decoder of the issuer it names: this service's own keys, or the external issuer's JWKS.
 * The unverified {@code iss} only picks the decoder; that decoder then checks signature, issuer and expiry.
 */
final class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final JwtDecoder local;
    private final String externalIssuer;
    private final JwtDecoder external;
    private final ExternalTokens mapping;

    IssuerRoutingJwtDecoder(JwtDecoder local, String externalIssuer, JwtDecoder external, ExternalTokens mapping) {
        this.local = local;
        this.externalIssuer = externalIssuer;
        this.external = external;
        this.mapping = mapping;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException("Malformed token");
        }
        if (externalIssuer.equals(issuer)) {
            return mapping.toLocal(external.decode(token));
        }
        return local.decode(token);
    }
}
