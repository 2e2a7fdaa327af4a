package io.coinsphere.exchangesync.admin;

import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** REST verbs for administrators ({@code /api/v1/admin/**}, role ADMIN in SecurityConfig) and their workers. */
@Component
public class AdminRoutes extends RouteBuilder {

    private final VaultAdmin vault;
    private final JsonReplyWriter writer;

    public AdminRoutes(VaultAdmin vault, JsonReplyWriter writer) {
        this.vault = vault;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/admin/vault").description("Credential vault administration (role ADMIN)")
                .get("/keys").id("rest-admin-vault-keys")
                    .description("Stored credentials per master key id, and how many rows are not under the current key")
                    .produces("application/json")
                    .responseMessage().code(200).message("Key ids in use (never key material)").endResponseMessage()
                    .responseMessage().code(403).message("Not an administrator").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:admin-vault-keys")
                .post("/re-encrypt").id("rest-admin-vault-re-encrypt")
                    .description("Re-encrypt every stored credential with the current key, in batches, while serving")
                    .produces("application/json")
                    .responseMessage().code(200).message("Counts of the run; failed rows are listed by connection id")
                        .endResponseMessage()
                    .responseMessage().code(403).message("Not an administrator").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:admin-vault-re-encrypt");

        from("direct:admin-vault-keys").routeId("admin-vault-keys").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(vault, "keys"))
                .bean(writer, "writeReply");

        from("direct:admin-vault-re-encrypt").routeId("admin-vault-re-encrypt").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(vault, "reEncrypt"))
                .bean(writer, "writeReply");
    }
}
