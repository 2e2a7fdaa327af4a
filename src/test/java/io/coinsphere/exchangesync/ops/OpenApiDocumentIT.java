package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI 3 document of the REST DSL at {@code /api-doc}: public, and complete for the seed's endpoints. */
class OpenApiDocumentIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentIsPublicAndListsEverySeedAndAuthEndpoint() throws Exception {
        HttpResponse<String> response = OpsHttp.get(port, "/api-doc", null, "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Coinsphere Exchange Sync API");

        JsonNode paths = doc.get("paths");
        assertThat(paths.at("/~1api~1v1~1exchanges~1supported/get").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1exchanges~1test/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1exchanges~1connect/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1exchanges~1connections/get").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1exchanges~1connections~1{id}~1sync/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1exchanges~1connections~1{id}/delete").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1exchanges~1sync-all/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1register/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1login/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1exchanges~1queue~1stats/get").isObject()).isTrue();

        assertThat(requestSchema(paths.at("/~1api~1v1~1exchanges~1connect/post"))).endsWith("/CredentialsRequest");
        assertThat(requestSchema(paths.at("/~1api~1v1~1exchanges~1test/post"))).endsWith("/CredentialsRequest");
        assertThat(requestSchema(paths.at("/~1api~1v1~1auth~1register/post"))).endsWith("/RegisterRequest");
        assertThat(requestSchema(paths.at("/~1api~1v1~1auth~1login/post"))).endsWith("/LoginRequest");

        List<String> schemas = new ArrayList<>();
        doc.at("/components/schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).contains("CredentialsRequest", "RegisterRequest", "LoginRequest", "LoginResponse",
                "ApiError", "QueueStats");
        // Error answers document the one error body.
        assertThat(doc.at("/components/schemas/ApiError/properties").has("error")).isTrue();
        assertThat(doc.at("/components/schemas/CredentialsRequest/properties").has("apiKey")).isTrue();
    }

    private static String requestSchema(JsonNode operation) {
        JsonNode content = operation.at("/requestBody/content");
        assertThat(content.isObject()).as(operation.toString()).isTrue();
        return content.elements().next().at("/schema/$ref").asText();
    }
}
