package io.coinsphere.exchangesync.auth;

import io.coinsphere.exchangesync.web.ApiReply;
import org.springframework.stereotype.Component;

/** {@code GET /.well-known/jwks.json}: the public keys that verify this service's tokens; routes/auth-jwks.camel.yaml. */
@Component
public class JwksApi {

    private final JwtKeys keys;

    public JwksApi(JwtKeys keys) {
        this.keys = keys;
    }

    // SECURITY: JwtKeys publishes public parameters only (n, e, kid); no private key part can be written.
    public ApiReply document() {
        return ApiReply.ok(keys.jwksDocument());
    }
}
