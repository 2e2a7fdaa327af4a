package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Token keys over real HTTP: the JWKS document, rotation by kid (a token of the previous key still verifies),
 * and tokens of an external issuer whose JWKS is served by a real HTTP server started here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "coinsphere.exchanges.binance.base-url=http://localhost:9",
    "coinsphere.exchanges.coinbase.base-url=http://localhost:9",
    "coinsphere.exchanges.kraken.base-url=http://localhost:9",
    "coinsphere.exchanges.kucoin.base-url=http://localhost:9"
})
class JwtKeysIT {

    private static final RSAKey CURRENT = generate();
    private static final RSAKey PREVIOUS = generate();
    private static final RSAKey EXTERNAL = generate();
    private static final String ADMIN_EMAIL = "jwks-admin@example.com";
    private static final String AUDIENCE = "coinsphere-exchange-sync";
    private static final HttpServer IDP = startIdp();
    private static final String EXTERNAL_ISSUER = "http://127.0.0.1:" + IDP.getAddress().getPort() + "/realms/test";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestPostgres.register(registry);
        Path dir = Files.createTempDirectory("coinsphere-jwtkeys");
        Path current = Files.writeString(dir.resolve("current.pem"), JwtSigningKeys.toPem((RSAPrivateCrtKey) CURRENT.toPrivateKey()));
        Path previous = Files.writeString(dir.resolve("previous.pub.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PREVIOUS.toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("coinsphere.data-dir", dir::toString);
        registry.add("coinsphere.kafka.embedded-port", () -> "0");
        // No syncs here; a fan-out still running at JVM exit would wait on the already stopped database.
        registry.add("coinsphere.sync.fanout-enabled", () -> "false");
        registry.add("coinsphere.vault.encryption-key", () -> "a jwt-keys integration-test passphrase, long enough");
        registry.add("coinsphere.security.admin-emails", () -> ADMIN_EMAIL);
        registry.add("coinsphere.security.jwt.private-key-location", current::toString);
        registry.add("coinsphere.security.jwt.verification-keys", previous::toString);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + IDP.getAddress().getPort() + "/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> EXTERNAL_ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    @AfterAll
    static void stopIdp() {
        IDP.stop(0);
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    AdminGrants adminGrants;

    @Test
    void jwksIsPublicAndHoldsOnlyPublicKeys() throws Exception {
        ApiClient.Response jwks = new ApiClient(port, null).get("/.well-known/jwks.json");

        assertThat(jwks.status()).as(jwks.raw()).isEqualTo(200);
        assertThat(jwks.http().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JWKSet set = JWKSet.parse(jwks.raw());
        assertThat(set.getKeys()).extracting(k -> k.getKeyID()).containsExactly(CURRENT.getKeyID(), PREVIOUS.getKeyID());
        assertThat(set.getKeys()).noneMatch(k -> k.isPrivate());
        for (String privateParameter : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
            assertThat(jwks.raw()).doesNotContain(privateParameter);
        }
    }

    @Test
    void loginTokensCarryTheCurrentKidAndVerifyWithThePublishedKey() throws Exception {
        String email = unique("kid");
        ApiClient user = registerAndLogin(email);
        JWSObject token = JWSObject.parse(user.token());

        assertThat(token.getHeader().getKeyID()).isEqualTo(CURRENT.getKeyID());
        RSAKey published = (RSAKey) JWKSet.parse(new ApiClient(port, null).get("/.well-known/jwks.json").raw())
                .getKeyByKeyId(CURRENT.getKeyID());
        assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
    }

    @Test
    void tokensOfThePreviousKeyStillVerifyAndUnknownKeysDoNot() {
        String email = unique("rotated");
        UUID userId = UUID.fromString(whoAmI(registerAndLogin(email).token()).raw());

        // Shaped like the tokens this service issued before the rotation: the user id and the USER role.
        String previous = sign(PREVIOUS, TokenIssuer.ISSUER,
                c -> c.subject(userId.toString()).claim(TokenIssuer.ROLES_CLAIM, List.of(Roles.USER)));
        assertThat(whoAmI(previous).raw()).isEqualTo(userId.toString());

        RSAKey stranger = generate();
        assertThat(whoAmI(sign(stranger, TokenIssuer.ISSUER, c -> c.subject(userId.toString()))).status()).isEqualTo(401);
        // A foreign key claiming the current kid fails the signature check.
        RSAKey impostor = new RSAKey.Builder(stranger).keyID(CURRENT.getKeyID()).build();
        assertThat(whoAmI(sign(impostor, TokenIssuer.ISSUER, c -> c.subject(userId.toString()))).status()).isEqualTo(401);
        // The external issuer's key cannot sign tokens that claim to be ours.
        assertThat(whoAmI(sign(EXTERNAL, TokenIssuer.ISSUER, c -> c.subject(userId.toString()))).status()).isEqualTo(401);
    }

    @Test
    void externalTokensMapToTheAccountWithTheVerifiedEmail() {
        String email = unique("sso");
        UUID userId = UUID.fromString(whoAmI(registerAndLogin(email).token()).raw());

        String external = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject("idp-user-42").claim("email", email.toUpperCase())
                .claim("email_verified", true).claim("roles", List.of("ADMIN")));
        assertThat(whoAmI(external).raw()).isEqualTo(userId.toString());
        // SECURITY: the issuer's roles claim is ignored; roles come from this service's configuration.
        assertThat(get("/api/v1/admin/vault/keys", external).status()).isEqualTo(403);

        String unverified = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject("idp-user-42").claim("email", email)
                .claim("email_verified", false));
        String unknown = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject("idp-user-43").claim("email", unique("nobody"))
                .claim("email_verified", true));
        String forged = sign(new RSAKey.Builder(generate()).keyID(EXTERNAL.getKeyID()).build(), EXTERNAL_ISSUER,
                c -> c.subject("idp-user-42").claim("email", email).claim("email_verified", true));
        String expired = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject("idp-user-42").claim("email", email)
                .claim("email_verified", true).issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)));
        String noEmail = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject(userId.toString()));
        // SECURITY: a token the issuer minted for another application does not open this one.
        String otherAudience = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject("idp-user-42").claim("email", email)
                .claim("email_verified", true).audience(List.of("another-app")));
        String noAudience = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject("idp-user-42").claim("email", email)
                .claim("email_verified", true).claims(claims -> claims.remove("aud")));
        for (String token : List.of(unverified, unknown, forged, expired, noEmail, otherAudience, noAudience)) {
            ApiClient.Response response = whoAmI(token);
            assertThat(response.status()).as(response.raw()).isEqualTo(401);
            assertThat(response.text("error")).isEqualTo("unauthorized");
        }
    }

    @Test
    void anExternalTokenNeverOpensTheOperatorPathsEvenForAnAdministratorsEmail() {
        registerAndLogin(ADMIN_EMAIL);
        adminGrants.apply();
        assertThat(get("/api/v1/admin/vault/keys", registerAndLogin(ADMIN_EMAIL).token()).status())
                .as("the administrator's own login").isEqualTo(200);
        String external = sign(EXTERNAL, EXTERNAL_ISSUER, c -> c.subject("idp-admin").claim("email", ADMIN_EMAIL)
                .claim("email_verified", "true"));
        ApiClient.Response keys = get("/api/v1/admin/vault/keys", external);
        assertThat(keys.status()).as(keys.raw()).isEqualTo(403);
    }

    private ApiClient registerAndLogin(String email) {
        ApiClient anonymous = new ApiClient(port, null);
        anonymous.post("/api/v1/auth/register", ApiClient.json("email", email, "password", "jwt-keys-password"));
        ApiClient.Response login = anonymous.post("/api/v1/auth/login", ApiClient.json("email", email, "password", "jwt-keys-password"));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return anonymous.withToken(login.text("accessToken"));
    }

    private ApiClient.Response whoAmI(String token) {
        return get("/api/v1/test/jwt-whoami", token);
    }

    private ApiClient.Response get(String path, String token) {
        return new ApiClient(port, token).get(path);
    }

    private static String sign(RSAKey key, String issuer, Consumer<JwtClaimsSet.Builder> claims) {
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer(issuer).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600)).audience(List.of(AUDIENCE));
        claims.accept(builder);
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(),
                        builder.build()))
                .getTokenValue();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The external identity provider: serves its public JWKS over real HTTP. */
    private static HttpServer startIdp() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(EXTERNAL.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A protected test route that answers the caller's local user id. */
    @TestConfiguration
    static class WhoAmI {

        @Bean
        RouteBuilder jwtWhoAmIRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    rest("/api/v1/test").get("/jwt-whoami").id("test-rest-jwt-whoami").to("direct:test-jwt-whoami");
                    from("direct:test-jwt-whoami").routeId("test-jwt-whoami").routeConfigurationId(RestErrorPolicy.ID)
                        .process(e -> {
                            UUID id = CurrentUser.id(e);
                            e.getMessage().removeHeaders("*");
                            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
                            e.getMessage().setBody(id.toString());
                        });
                }
            };
        }
    }
}
