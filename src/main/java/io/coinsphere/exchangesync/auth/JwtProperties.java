package io.coinsphere.exchangesync.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * JWT settings ({@code coinsphere.security.jwt.*}).
 *
 * @param ttl                 lifetime of an access token (default 1h)
 * @param privateKeyLocation  PKCS#8 PEM RSA private key: a file path or a {@code file:}/{@code classpath:} location
 * @param privateKey          the same PEM inline (e.g. from an environment variable); at most one of the two
 *                            is set. With neither, a key is generated into {@code <data-dir>/jwt-signing-key.pem}.
 */
@ConfigurationProperties(prefix = "coinsphere.security.jwt")
public record JwtProperties(@DefaultValue("1h") Duration ttl, String privateKeyLocation, String privateKey) {

    @Override
    public String toString() {
        // SECURITY: an inline key must not reach logs.
        return "JwtProperties[ttl=" + ttl + ", privateKeyLocation=" + privateKeyLocation
                + ", privateKey=" + (privateKey == null || privateKey.isBlank() ? "<unset>" : "<set>") + "]";
    }
}
