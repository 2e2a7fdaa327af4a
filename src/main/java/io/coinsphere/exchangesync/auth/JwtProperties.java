package io.coinsphere.exchangesync.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * JWT settings ({@code coinsphere.security.jwt.*}). The signing key comes from exactly one of: a PEM
 * ({@code private-key-location} or {@code private-key}), a PKCS#12 key store ({@code key-store}), or, with none
 * of them, a key generated into {@code <data-dir>/jwt-signing-key.pem}.
 *
 * @param ttl                 lifetime of an access token (default 1h)
 * @param privateKeyLocation  PKCS#8 PEM RSA private key: a file path or a {@code file:}/{@code classpath:} location
 * @param privateKey          the same PEM inline (e.g. from an environment variable)
 * @param keyStore            a PKCS#12 key store holding the RSA signing key (path or {@code file:}/{@code classpath:})
 * @param keyStorePassword    its password
 * @param keyAlias            the entry to use; unset = the store's only private key entry
 * @param verificationKeys    locations of older keys (PEM public or private keys) that still verify tokens they
 *                            signed, until removed; they never sign. Published in the JWKS with the current key.
 */
@ConfigurationProperties(prefix = "coinsphere.security.jwt")
public record JwtProperties(@DefaultValue("1h") Duration ttl, String privateKeyLocation, String privateKey,
        String keyStore, String keyStorePassword, String keyAlias, @DefaultValue List<String> verificationKeys) {

    @Override
    public String toString() {
        // SECURITY: an inline key or a password must not reach logs.
        return "JwtProperties[ttl=" + ttl + ", privateKeyLocation=" + privateKeyLocation
                + ", privateKey=" + (privateKey == null || privateKey.isBlank() ? "<unset>" : "<set>")
                + ", keyStore=" + keyStore + ", keyStorePassword=" + (keyStorePassword == null ? "<unset>" : "<set>")
                + ", keyAlias=" + keyAlias + ", verificationKeys=" + verificationKeys + "]";
    }
}
