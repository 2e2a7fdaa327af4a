package io.coinsphere.exchangesync.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the RS256 verification key for a token by its {@code kid}, from keys parsed once at start-up. Nimbus'
 * JWK-set selector turns the JWK's Base64 modulus back into a Java key on every request (costly: docs/benchmarks.md);
 * our key set never changes while the service runs.
 */
final class ParsedKeySelector implements JWSKeySelector<SecurityContext> {

    private final Map<String, RSAPublicKey> byKid = new LinkedHashMap<>();
    private final List<RSAPublicKey> all;

    ParsedKeySelector(JWKSet keys) {
        for (JWK key : keys.getKeys()) {
            if (key instanceof RSAKey rsa) {
                try {
                    byKid.put(rsa.getKeyID(), rsa.toRSAPublicKey());
                } catch (JOSEException e) {
                    throw new IllegalStateException("Unusable JWT verification key " + rsa.getKeyID(), e);
                }
            }
        }
        all = List.copyOf(byKid.values());
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) {
        // SECURITY: only RS256 (no "alg":"none", no HMAC keyed with our public key).
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return List.of();
        }
        String kid = header.getKeyID();
        if (kid == null) {
            // A token without a kid is tried against each of our keys, as the JWK-set selector would.
            return all;
        }
        RSAPublicKey key = byKid.get(kid);
        return key == null ? List.of() : List.of(key);
    }
}
