package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.coinsphere.exchangesync.web.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registration, login and bearer-token protection over real HTTP, on a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Required by the shared exchange settings; never called here.
    "coinsphere.exchanges.binance.base-url=http://localhost:9",
    "coinsphere.exchanges.coinbase.base-url=http://localhost:9",
    "coinsphere.exchanges.kraken.base-url=http://localhost:9",
    "coinsphere.exchanges.kucoin.base-url=http://localhost:9"
})
class AuthIT {

    private static final String UNAUTHORIZED =
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
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JwtDecoder jwtDecoder;
    @Autowired
    JwtEncoder jwtEncoder;
    @Autowired
    RSAKey jwtSigningKey;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void registerLoginAndCallAProtectedRoute() throws Exception {
        String email = unique("alice");
        HttpResponse<String> registered = post("/api/v1/auth/register", Map.of("email", email, "password", "correct horse"));

        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json.readTree(registered.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        UUID userId = UUID.fromString(body.get("userId").asText());
        assertThat(jdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class, userId)).isEqualTo(email);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, userId)).startsWith("$2a$10$");
        assertThat(jdbc.queryForList("SELECT name FROM portfolios WHERE user_id = ? AND is_default", String.class, userId))
                .containsExactly("Main");

        HttpResponse<String> login = post("/api/v1/auth/login", Map.of("email", email.toUpperCase(), "password", "correct horse"));

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode token = json.readTree(login.body());
        assertThat(token.get("tokenType").asText()).isEqualTo("Bearer");
        // Request headers are not echoed into the answer.
        assertThat(login.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Probe"));
        assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(token.get("expiresIn").asLong()).isEqualTo(3600);
        String accessToken = token.get("accessToken").asText();
        Jwt jwt = jwtDecoder.decode(accessToken);
        assertThat(jwt.getSubject()).isEqualTo(userId.toString());
        assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(TokenIssuer.ISSUER);
        assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(3600));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", jwtSigningKey.getKeyID());

        HttpResponse<String> me = get("/api/v1/test/me", accessToken);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo(userId.toString());
        // The token must not be echoed back as a response header.
        assertThat(me.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
    }

    @Test
    void protectedPathsAnswer401WithJsonBody() throws Exception {
        String expired = sign(jwtEncoder, Instant.now().minus(2, ChronoUnit.HOURS), Instant.now().minus(1, ChronoUnit.HOURS),
                TokenIssuer.ISSUER, jwtSigningKey.getKeyID());
        RSAKey otherKey = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        String foreign = sign(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(otherKey))), Instant.now(),
                Instant.now().plusSeconds(600), TokenIssuer.ISSUER, otherKey.getKeyID());
        String otherIssuer = sign(jwtEncoder, Instant.now(), Instant.now().plusSeconds(600), "someone-else", jwtSigningKey.getKeyID());

        for (String token : new String[] {null, "garbage", "a.b.c", expired, foreign, otherIssuer}) {
            HttpResponse<String> response = get("/api/v1/test/me", token);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.body()).isEqualTo(UNAUTHORIZED);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertThat(get("/somewhere/else", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null).statusCode()).isNotIn(401, 403);
    }

    @Test
    void duplicateEmailIs409EvenInAnotherCase() throws Exception {
        String email = unique("bob");
        assertThat(post("/api/v1/auth/register", Map.of("email", email, "password", "password1")).statusCode()).isEqualTo(201);

        HttpResponse<String> again = post("/api/v1/auth/register", Map.of("email", " " + email.toUpperCase(), "password", "password2"));

        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(again.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).isEqualTo("email_taken");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email = ?", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void invalidInputIs400WithFieldDetails() throws Exception {
        HttpResponse<String> bad = post("/api/v1/auth/register", Map.of("email", "not-an-email", "password", "short"));

        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(bad.body());
        assertThat(body.get("error").asText()).isEqualTo("validation_failed");
        assertThat(body.get("details").findValuesAsText("field")).containsExactlyInAnyOrder("email", "password");
        assertThat(bad.body()).doesNotContain("short");

        HttpResponse<String> tooLong = post("/api/v1/auth/register", Map.of("email", unique("carol"), "password", "x".repeat(129)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooLong.body()).get("details").findValuesAsText("field")).containsExactly("password");

        HttpResponse<String> missing = post("/api/v1/auth/register", Map.of("email", unique("dave")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get("details").findValuesAsText("field")).containsExactly("password");

        for (String raw : new String[] {"{not json", "", "[1,2]", "null"}) {
            HttpResponse<String> malformed = postRaw("/api/v1/auth/register", raw);
            assertThat(malformed.statusCode()).as("body %s", raw).isEqualTo(400);
            assertThat(json.readTree(malformed.body()).get("error").asText()).isEqualTo("validation_failed");
        }
    }

    @Test
    void wrongPasswordAndUnknownEmailGiveTheSameAnswer() throws Exception {
        String email = unique("erin");
        post("/api/v1/auth/register", Map.of("email", email, "password", "the right one"));

        HttpResponse<String> wrongPassword = post("/api/v1/auth/login", Map.of("email", email, "password", "the wrong one"));
        HttpResponse<String> unknownEmail = post("/api/v1/auth/login", Map.of("email", unique("nobody"), "password", "the right one"));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(wrongPassword.headers().map().keySet()).isEqualTo(unknownEmail.headers().map().keySet());
        JsonNode body = json.readTree(wrongPassword.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_credentials");
        assertThat(body.get("message").asText()).isEqualTo("Invalid email or password");
    }

    @Test
    void passwordsLongerThanBcryptsLimitWorkAndEveryCharacterCounts() throws Exception {
        String email = unique("frank");
        String password = "p".repeat(127) + "1";
        assertThat(post("/api/v1/auth/register", Map.of("email", email, "password", password)).statusCode()).isEqualTo(201);

        assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", password)).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", "p".repeat(127) + "2")).statusCode()).isEqualTo(401);
    }

    private static String sign(JwtEncoder encoder, Instant issuedAt, Instant expiresAt, String issuer, String kid) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(UUID.randomUUID().toString())
                .issuedAt(issuedAt).expiresAt(expiresAt).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid).build(), claims))
                .getTokenValue();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
        return postRaw(path, json.writeValueAsString(body));
    }

    private HttpResponse<String> postRaw(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Probe", "request-header")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
