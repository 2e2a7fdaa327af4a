package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Registration, login, password rules and bearer-token protection over real HTTP, on a real PostgreSQL. */
class AuthIT extends AuthContext {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JwtDecoder jwtDecoder;
    @Autowired
    JwtEncoder jwtEncoder;
    @Autowired
    RSAKey jwtSigningKey;

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
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
        assertThat(jwt.getId()).isNotBlank();
        // The CSRF token of a browser session is the token's own signed claim, also given in the body.
        assertThat(jwt.getClaimAsString("csrf")).hasSizeGreaterThanOrEqualTo(43).isEqualTo(token.get("csrfToken").asText());

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
        assertThat(post("/api/v1/auth/register", Map.of("email", email, "password", "first password")).statusCode()).isEqualTo(201);

        HttpResponse<String> again = post("/api/v1/auth/register", Map.of("email", " " + email.toUpperCase(), "password", "second password"));

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
    void loginTakesAsLongForAnUnknownEmailAsForAWrongPassword() throws Exception {
        String email = unique("timing");
        post("/api/v1/auth/register", Map.of("email", email, "password", "the right password"));
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            wrongPassword.add(timeLogin(email, "not the password " + i));
            unknownEmail.add(timeLogin(unique("ghost"), "not the password " + i));
        }
        long wrong = median(wrongPassword);
        long unknown = median(unknownEmail);
        // Without the dummy BCrypt check an unknown email answers in about a millisecond, far below half of a
        // BCrypt check (tens of milliseconds at cost 10); the bound leaves room for a busy machine.
        assertThat(unknown).as("median ns, unknown %s vs wrong %s", unknown, wrong).isGreaterThan(wrong / 2);
        assertThat(wrong).as("median ns, wrong %s vs unknown %s", wrong, unknown).isGreaterThan(unknown / 2);
    }

    @Test
    void newPasswordsFollowThePolicy() throws Exception {
        String email = unique("grace");
        assertThat(passwordErrors(email, "eleven char")).containsExactly("must be at least 12 characters");
        // Twelve characters that are 24 bytes: the minimum counts characters.
        assertThat(passwordErrors(unique("heidi"), "ä".repeat(12))).isEmpty();
        // BCrypt reads 72 bytes: one more is refused, counted in UTF-8 (37 x "ä" is 74 bytes).
        assertThat(passwordErrors(unique("ivan"), "p".repeat(73))).singleElement().asString().contains("at most 72 bytes");
        assertThat(passwordErrors(unique("judy"), "ä".repeat(37))).singleElement().asString().contains("at most 72 bytes");
        assertThat(passwordErrors(unique("mallory"), "x".repeat(5000))).singleElement().asString().contains("at most 72 bytes");
        String exactly72 = "p".repeat(71) + "1";
        String kate = unique("kate");
        assertThat(passwordErrors(kate, exactly72)).isEmpty();
        assertThat(post("/api/v1/auth/login", Map.of("email", kate, "password", exactly72)).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/auth/login", Map.of("email", kate, "password", "p".repeat(71) + "2")).statusCode()).isEqualTo(401);
        // The email itself (in any case) is not a password.
        String long1 = unique("longer-name");
        assertThat(passwordErrors(long1, long1.toUpperCase())).containsExactly("must not be your email address");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email IN (?, ?)", Integer.class, email, long1)).isZero();
    }

    /** Registers with {@code password}: the password field's messages of a 400, or empty after a 201. */
    private List<String> passwordErrors(String email, String password) throws Exception {
        HttpResponse<String> response = post("/api/v1/auth/register", Map.of("email", email, "password", password));
        if (response.statusCode() == 201) {
            return List.of();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("validation_failed");
        assertThat(response.body()).doesNotContain(password);
        List<String> messages = new ArrayList<>();
        body.get("details").forEach(d -> {
            assertThat(d.get("field").asText()).isEqualTo("password");
            messages.add(d.get("message").asText());
        });
        return messages;
    }

    private long timeLogin(String email, String password) throws Exception {
        long start = System.nanoTime();
        assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", password)).statusCode()).isEqualTo(401);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void aSignedTokenWithoutTheUserRoleCannotUseTheApi() throws Exception {
        Instant now = Instant.now();
        String kid = jwtSigningKey.getKeyID();
        String noRoles = sign(jwtEncoder, now, now.plusSeconds(600), TokenIssuer.ISSUER, kid);
        String adminOnly = sign(jwtEncoder, now, now.plusSeconds(600), TokenIssuer.ISSUER, kid, List.of("ADMIN"));
        String user = sign(jwtEncoder, now, now.plusSeconds(600), TokenIssuer.ISSUER, kid, List.of("USER"));

        for (String token : List.of(noRoles, adminOnly)) {
            for (String path : List.of("/api/v1/test/me", "/api/v1/exchanges/connections", "/api/v1/auth/session")) {
                HttpResponse<String> response = get(path, token);
                assertThat(response.statusCode()).as(path).isEqualTo(403);
                assertThat(body(response).get("error").asText()).isEqualTo("forbidden");
            }
        }
        assertThat(get("/api/v1/exchanges/connections", user).statusCode()).isEqualTo(200);
    }

    private static String sign(JwtEncoder encoder, Instant issuedAt, Instant expiresAt, String issuer, String kid) {
        return sign(encoder, issuedAt, expiresAt, issuer, kid, null);
    }

    private static String sign(JwtEncoder encoder, Instant issuedAt, Instant expiresAt, String issuer, String kid,
                               List<String> roles) {
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer(issuer).subject(UUID.randomUUID().toString())
                .issuedAt(issuedAt).expiresAt(expiresAt);
        if (roles != null) {
            builder.claim(TokenIssuer.ROLES_CLAIM, roles);
        }
        JwtClaimsSet claims = builder.build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid).build(), claims))
                .getTokenValue();
    }

}
