package io.coinsphere.exchangesync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.connect.CredentialsRequest;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private final JsonBodies bodies = new JsonBodies(new ObjectMapper(),
            Validation.buildDefaultValidatorFactory().getValidator());

    private static Exchange body(String json) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(json.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    @Test
    void readsAValidBodyAndIgnoresUnknownFields() {
        CredentialsRequest request = bodies.read(body("{\"exchange\":\"binance\",\"apiKey\":\"k\",\"apiSecret\":\"s\",\"extra\":1}"),
                CredentialsRequest.class);
        assertThat(request.exchange()).isEqualTo("binance");
    }

    @Test
    void everyFlawIsA4xxWithTheField() {
        assertThatThrownBy(() -> bodies.read(body("{\"apiKey\":"), CredentialsRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> bodies.read(body("{\"apiKey\":{\"a\":1},\"apiSecret\":\"s\"}"), CredentialsRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().get(0).field()).isEqualTo("apiKey"));
        assertThatThrownBy(() -> bodies.read(body("{}"), CredentialsRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).extracting(ApiError.FieldError::field)
                        .containsExactly("apiKey", "apiSecret"));
        assertThatThrownBy(() -> bodies.read(body("x".repeat(JsonBodies.MAX_BODY_BYTES + 1)), CredentialsRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> bodies.read(body("null"), CredentialsRequest.class)).isInstanceOf(ApiException.class);
    }

    @Test
    void typesAreStrictAndAmbiguousJsonIsRefused() {
        String valid = "\"exchange\":\"binance\",\"apiKey\":\"k\",\"apiSecret\":\"s\"";
        for (String body : new String[] {
            "{\"exchange\":\"binance\",\"apiKey\":123,\"apiSecret\":\"s\"}",
            "{" + valid + ",\"label\":true}",
            "{" + valid + ",\"apiKey\":\"other\"}",
            "{" + valid + "} {}",
            "{" + valid + ",\"label\":\"a\\u0000b\"}",
            "{" + valid + ",\"label\":\"\\ud800\"}",
            "{\"exchange\":\"binance\",\"apiKey\":\"k e y\",\"apiSecret\":\"s\"}",
            "{\"exchange\":\"binance\",\"apiKey\":\"k\",\"apiSecret\":\"sécret\"}"}) {
            assertThatThrownBy(() -> bodies.read(body(body), CredentialsRequest.class)).as(body)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThat(bodies.read(body("{" + valid + ",\"label\":\"Cold 😀 \u05e9\"}"), CredentialsRequest.class).label())
                .isEqualTo("Cold 😀 \u05e9");
    }

    @Test
    void onlyTheSecretMayHoldLineBreaksForAPemPrivateKey() {
        String pem = "-----BEGIN EC PRIVATE" + " KEY-----\\nMHcCAQEE\\n-----END EC PRIVATE KEY-----\\n";
        CredentialsRequest request = bodies.read(body("{\"exchange\":\"coinbase-advanced\",\"apiKey\":\"k\",\"apiSecret\":\""
                + pem + "\"}"), CredentialsRequest.class);
        assertThat(request.apiSecret()).contains("\n");
        for (String field : new String[] {"apiKey", "label", "passphrase"}) {
            String json = "{\"exchange\":\"coinbase-advanced\",\"apiKey\":\"k\",\"apiSecret\":\"s\",\"" + field + "\":\"a\\nb\"}";
            assertThatThrownBy(() -> bodies.read(body(json.replace("\"apiKey\":\"k\",", field.equals("apiKey") ? "" : "\"apiKey\":\"k\",")),
                    CredentialsRequest.class)).as(field)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().get(0).field()).isEqualTo(field));
        }
        assertThatThrownBy(() -> bodies.read(body("{\"apiKey\":\"k\",\"apiSecret\":\"a\\u0007b\"}"), CredentialsRequest.class))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void numbersAndFlagsMustBeJsonNumbersAndBooleans() {
        for (String body : new String[] {"{\"syncInterval\":\"300\"}", "{\"syncInterval\":300.5}", "{\"autoSync\":\"true\"}",
            "{\"autoSync\":1}", "{\"syncInterval\":99999999999999999999}"}) {
            assertThatThrownBy(() -> bodies.read(body(body), io.coinsphere.exchangesync.connections.ConnectionSettings.class))
                    .as(body).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThat(bodies.read(body("{\"syncInterval\":300,\"autoSync\":false}"),
                io.coinsphere.exchangesync.connections.ConnectionSettings.class).syncInterval()).isEqualTo(300);
    }

    @Test
    void pathIdsMustBeCanonicalUuids() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        UUID id = UUID.randomUUID();
        exchange.getMessage().setHeader("id", id.toString());
        assertThat(JsonBodies.pathId(exchange)).isEqualTo(id);
        exchange.getMessage().setHeader("id", "1-1-1-1-1");
        assertThatThrownBy(() -> JsonBodies.pathId(exchange)).isInstanceOf(ApiException.class);
        exchange.getMessage().setHeader("id", "'; DROP TABLE users; --");
        assertThatThrownBy(() -> JsonBodies.pathId(exchange)).isInstanceOf(ApiException.class);
    }
}
