package io.coinsphere.exchangesync.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.web.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring context of the auth integration tests (one, shared by every subclass): the whole service on its own
 * embedded PostgreSQL, forwarded headers trusted as behind a TLS proxy, plus a protected test route. Holds the
 * plain-HTTP helpers the tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Required by the shared exchange settings; never called here.
    "coinsphere.exchanges.binance.base-url=http://localhost:9",
    "coinsphere.exchanges.coinbase.base-url=http://localhost:9",
    "coinsphere.exchanges.kraken.base-url=http://localhost:9",
    "coinsphere.exchanges.kucoin.base-url=http://localhost:9",
    // As behind a proxy that terminates TLS: X-Forwarded-Proto from loopback is believed.
    "server.forward-headers-strategy=native"
})
@Import(AuthContext.TestRoutes.class)
abstract class AuthContext {

    static final String UNAUTHORIZED =
            "{\"success\":false,\"error\":\"unauthorized\",\"message\":\"Authentication required\",\"details\":[]}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.register(registry);
        Path dataDir = Files.createTempDirectory("coinsphere-authit");
        registry.add("coinsphere.data-dir", dataDir::toString);
        // Several test contexts live at once: never the fixed default Kafka port.
        registry.add("coinsphere.kafka.embedded-port", () -> "0");
        // A datasource URL is set, so the vault insists on a configured key (no generated one).
        registry.add("coinsphere.vault.encryption-key", () -> "an integration-test passphrase, long enough");
        // Nothing here syncs; and a fan-out still running when the JVM exits would wait on the database,
        // which the embedded PostgreSQL's own shutdown hook stops at the same time.
        registry.add("coinsphere.sync.fanout-enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
        return postRaw(path, json.writeValueAsString(body));
    }

    HttpResponse<String> postRaw(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Probe", "request-header")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request with any headers (name, value, name, value ...); a null body sends none. */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** Registers a fresh account and logs in; the login answer (token, CSRF token and cookies). */
    HttpResponse<String> newLogin() throws Exception {
        String email = unique("session");
        String password = "pw-" + UUID.randomUUID();
        post("/api/v1/auth/register", Map.of("email", email, "password", password));
        return post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A protected test-only route, and the ApiException translation the shared web package will own. */
    @TestConfiguration
    static class TestRoutes {

        @Bean
        RouteBuilder testMeRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    rest("/api/v1/test").get("/me").routeId("test-rest-me").to("direct:test-me");
                    from("direct:test-me").routeId("test-me")
                        .process(e -> {
                            UUID id = CurrentUser.id(e);
                            e.getMessage().removeHeaders("*");
                            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
                            e.getMessage().setBody(id.toString());
                        });
                }
            };
        }

        @Bean
        RouteConfigurationBuilder testApiErrorTranslation(ObjectMapper objectMapper) {
            return new RouteConfigurationBuilder() {
                @Override
                public void configuration() {
                    routeConfiguration().onException(ApiException.class).handled(true).process(e -> {
                        ApiException error = e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
                        e.getMessage().removeHeaders("*");
                        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, error.status());
                        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                        e.getMessage().setBody(objectMapper.writeValueAsString(error.toBody()));
                    });
                }
            };
        }
    }
}
