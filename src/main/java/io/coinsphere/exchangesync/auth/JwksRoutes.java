package io.coinsphere.exchangesync.auth;

import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /.well-known/jwks.json}: the public keys that verify this service's tokens, for other services. */
@Component
public class JwksRoutes extends RouteBuilder {

    private final JwtKeys keys;
    private final JsonReplyWriter writer;

    public JwksRoutes(JwtKeys keys, JsonReplyWriter writer) {
        this.keys = keys;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/.well-known").description("Token verification keys")
                .get("/jwks.json").id("rest-auth-jwks")
                    .description("JSON Web Key Set (RFC 7517) of the RS256 keys that verify this service's tokens, by kid")
                    .produces("application/json")
                    .responseMessage().code(200).message("Public keys only: the current signing key first").endResponseMessage()
                    .to("direct:auth-jwks");

        from("direct:auth-jwks").routeId("auth-jwks").routeConfigurationId(RestErrorPolicy.ID)
                // SECURITY: JwtKeys publishes public parameters only (n, e, kid); no private key part can be written.
                .process(e -> e.getMessage().setBody(ApiReply.ok(keys.jwksDocument())))
                // Verifiers cache the set (Spring's default: 5 minutes); docs/operations.md times a rotation for that.
                .bean(writer, "writeReply");
    }
}
