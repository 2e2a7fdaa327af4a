package io.coinsphere.exchangesync.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This service's token keys: the current signing key and older keys that only verify (key rotation by
 * {@code kid}). A token signed by an older key stays valid until its key is removed from configuration.
 */
public record JwtKeys(RSAKey signing, List<RSAKey> verificationOnly) {

    public JwtKeys {
        verificationOnly = verificationOnly.stream().map(RSAKey::toPublicJWK).toList();
        Set<String> ids = new HashSet<>();
        ids.add(signing.getKeyID());
        for (RSAKey key : verificationOnly) {
            // Duplicates would make "which key signed this" ambiguous; the kid is the key's thumbprint.
            if (!ids.add(key.getKeyID())) {
                throw new IllegalStateException("A JWT verification key is listed twice or is the signing key: " + key.getKeyID());
            }
        }
    }

    /** Every public key, the signing key first: what verifies tokens and what the JWKS publishes. */
    public JWKSet publicKeys() {
        List<JWK> keys = new ArrayList<>();
        keys.add(signing.toPublicJWK());
        keys.addAll(verificationOnly);
        return new JWKSet(keys);
    }

    /** The JWKS document (RFC 7517): public parameters only. */
    public Map<String, Object> jwksDocument() {
        return publicKeys().toJSONObject(true);
    }
}
