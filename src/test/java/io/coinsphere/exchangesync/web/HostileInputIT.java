package io.coinsphere.exchangesync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import io.coinsphere.exchangesync.support.LeakWatch;
import io.coinsphere.exchangesync.web.HostileRequests.Auth;
import io.coinsphere.exchangesync.web.HostileRequests.Endpoint;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Sends at least 600 malformed or hostile requests, generated from a printed seed, to every endpoint
 * the OpenAPI document lists (plus the event stream, which is not a Camel route). An attacker with a
 * valid account of its own (and no connections) aims at a victim's two synced connections. Asserted:
 * no 5xx; every 4xx carries the JSON error body; a request without a valid token never gets data;
 * the attacker never sees the victim's ids or labels; and the connections, holdings and sync-run
 * tables are unchanged to the byte. Rerun a failure with {@code -Dhostile.seed=<seed>}. TRACE is not
 * sent: Tomcat refuses it (TRACE is off) with a bare 400 before any part of the service runs.
 */
class HostileInputIT extends IntegrationTest {

    private static final int REQUESTS = Integer.getInteger("hostile.requests", 600);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private JwtEncoder jwtEncoder;

    @Test
    void hostileInputChangesNothingAndNeverFails() throws Exception {
        long seed = Long.getLong("hostile.seed", new Random().nextLong());
        System.out.println("HostileInputIT seed " + seed + " (rerun: -Dhostile.seed=" + seed + ")");
        Random random = new Random(seed);

        ApiClient victim = newUser();
        UUID spot = connect(victim, account(ExchangeId.BINANCE).setBalance("BTC", dec("1.5"), dec("0")));
        UUID kucoin = connect(victim, account(ExchangeId.KUCOIN).setBalance("USDT", dec("250"), dec("0")));
        awaitRuns(spot, 1);
        awaitRuns(kucoin, 1);
        assertThat(victim.patch("/api/v1/exchanges/connections/" + spot, ApiClient.json("label", "victim-cold-storage")).status())
                .isEqualTo(200);
        ApiClient attacker = newUser();
        UUID attackerId = subject(attacker.token());
        UUID victimId = subject(victim.token());
        List<String> victimIds = List.of(spot.toString(), kucoin.toString());
        String victimConnections = victim.get("/api/v1/exchanges/connections").raw();
        String victimHoldings = victim.get("/api/v1/holdings").raw();
        String before = stableSnapshot();

        List<Endpoint> endpoints = endpoints();
        Map<String, String> tokens = tokens(attacker.token(), attackerId, victimId);
        HostileRequests generator = new HostileRequests(random, victimIds);
        Map<String, Map<Integer, Integer>> table = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int i = 0; sent < REQUESTS; i++) {
            HostileRequests.Request request = generator.next(endpoints.get(i % endpoints.size()));
            if (opensEventStream(request)) {
                continue;
            }
            HttpResponse<String> response = send(request, tokens);
            sent++;
            table.computeIfAbsent(request.endpoint().key(), k -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
            check(request, response, victimIds, failures);
        }

        printTable(seed, table);
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(table.keySet()).as("every endpoint was hit").containsAll(endpoints.stream().map(Endpoint::key).toList());
        assertThat(snapshot()).as("connections, holdings and sync runs unchanged (seed " + seed + ")").isEqualTo(before);
        assertThat(victim.get("/api/v1/exchanges/connections").raw()).isEqualTo(victimConnections);
        assertThat(victim.get("/api/v1/holdings").raw()).isEqualTo(victimHoldings);
        assertThat(LeakWatch.leaks()).as("secrets seen in logs or responses").isEmpty();
    }

    /** Every verb of the OpenAPI document, plus the event stream (a Spring MVC endpoint outside the REST DSL). */
    private List<Endpoint> endpoints() throws Exception {
        JsonNode doc = JSON.readTree(anonymous().get("/api-doc").raw());
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    endpoints.add(new Endpoint(method, path.getKey()));
                }
            }
        }
        endpoints.add(new Endpoint("GET", "/api/v1/events"));
        assertThat(endpoints).extracting(Endpoint::key).contains("POST /api/v1/exchanges/connect",
                "PATCH /api/v1/exchanges/connections/{id}", "PUT /api/v1/exchanges/connections/{id}/credentials",
                "POST /api/v1/exchanges/connections/{id}/sync", "GET /api/v1/holdings", "POST /api/v1/auth/login",
                "GET /api/v1/exchanges/queue/stats");
        return endpoints;
    }

    /** A valid GET of the event stream would stay open for minutes: it is only sent with a bad token or method. */
    private static boolean opensEventStream(HostileRequests.Request request) {
        return request.path().startsWith("/api/v1/events") && request.method().equals("GET") && request.auth() == Auth.VALID;
    }

    private HttpResponse<String> send(HostileRequests.Request request, Map<String, String> tokens) throws Exception {
        HttpRequest.BodyPublisher publisher;
        if (request.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked()) {
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), publisher);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.header("Accept", request.accept());
        String authorization = tokens.get(request.auth().name());
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        LeakWatch.scan("response " + request.method() + " " + request.path(), response.body());
        return response;
    }

    private void check(HostileRequests.Request request, HttpResponse<String> response, List<String> victimIds,
            List<String> failures) {
        int status = response.statusCode();
        String what = request.method() + " " + abbreviate(request.path()) + " [" + request.auth() + ", " + request.kind()
                + ", " + request.contentType() + "] -> " + status + " " + abbreviate(response.body());
        if (status >= 500) {
            failures.add("5xx: " + what);
        }
        if (status >= 400 && !request.method().equals("HEAD") && !isErrorBody(response)) {
            failures.add("not the JSON error body: " + what);
        }
        // Public by design: sign-in and sign-up, and the token-verification keys other services fetch.
        String template = request.endpoint().template();
        boolean authEndpoint = template.startsWith("/api/v1/auth/") || template.equals("/.well-known/jwks.json");
        // Checked before authentication: a URL the web server refuses (400), a body too large or not JSON (413, 415).
        if (status == 400 && request.auth() != Auth.VALID && !authEndpoint && !"bad_request".equals(errorCode(response))
                && !"validation_failed".equals(errorCode(response))) {
            failures.add("a 400 before authentication that is not about the URL or the encoding: " + what);
        }
        if (request.auth() != Auth.VALID && !authEndpoint && !List.of(400, 401, 413, 415).contains(status)) {
            failures.add("a request without a valid token was not refused: " + what);
        }
        for (String id : victimIds) {
            if (status < 400 && response.body() != null && response.body().toLowerCase().contains(id)) {
                failures.add("the victim's connection leaked: " + what);
            }
        }
        if (response.body() != null && response.body().contains("victim-cold-storage")) {
            failures.add("the victim's label leaked: " + what);
        }
    }

    private static String errorCode(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("error").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static boolean isErrorBody(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body != null && body.path("success").isBoolean() && !body.get("success").asBoolean()
                    && body.path("error").isTextual() && body.path("message").isTextual() && body.path("details").isArray();
        } catch (Exception e) {
            return false;
        }
    }

    /** The Authorization header for each way of (not) authenticating. */
    private Map<String, String> tokens(String valid, UUID attacker, UUID victim) {
        Map<String, String> tokens = new TreeMap<>();
        tokens.put(Auth.VALID.name(), "Bearer " + valid);
        tokens.put(Auth.GARBAGE.name(), "Bearer not.a.jwt");
        tokens.put(Auth.EMPTY_BEARER.name(), "Bearer ");
        tokens.put(Auth.BASIC.name(), "Basic " + b64(ADMIN_EMAIL + ":" + ADMIN_PASSWORD));
        // Unsigned, claiming to be the victim and an administrator.
        tokens.put(Auth.ALG_NONE.name(), "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64("{\"iss\":\"coinsphere-exchange-sync\",\"sub\":\"" + victim + "\",\"roles\":[\"ADMIN\"],\"exp\":"
                + Instant.now().plusSeconds(3600).getEpochSecond() + "}") + ".");
        // The attacker's real signature over a payload naming the victim.
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(attacker.toString(), victim.toString());
        tokens.put(Auth.FORGED_SUBJECT.name(), "Bearer " + parts[0] + "." + b64(payload) + "." + parts[2]);
        // Signed with the service's own key, but expired an hour ago.
        tokens.put(Auth.EXPIRED.name(), "Bearer " + sign(victim, "coinsphere-exchange-sync", Instant.now().minusSeconds(3600)));
        // Signed with the service's own key, but by another issuer.
        tokens.put(Auth.WRONG_ISSUER.name(), "Bearer " + sign(victim, "evil-issuer", Instant.now().plusSeconds(3600)));
        return tokens;
    }

    private String sign(UUID subject, String issuer, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(subject.toString())
                .claim("roles", List.of("USER")).issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt).build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static UUID subject(String token) throws Exception {
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return UUID.fromString(payload.get("sub").asText());
    }

    /**
     * Row counts and an md5 over every row of the connections, holdings and sync-run tables. No column is left
     * out: the attacker has no connections to sync, the fan-out is off, so nothing may legitimately move.
     */
    private String snapshot() {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("exchange_connections", "holdings", "sync_runs")) {
            out.append(table).append(' ').append(jdbc.queryForObject("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' "
                    + "ORDER BY t::text)), '-') FROM " + table + " t", String.class)).append('\n');
        }
        return out.toString();
    }

    /** Waits out syncs that earlier test classes may still be finishing, so the baseline is quiet. */
    private String stableSnapshot() {
        String[] last = {snapshot()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String now = snapshot();
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private static void printTable(long seed, Map<String, Map<Integer, Integer>> table) {
        StringBuilder out = new StringBuilder("\nHostileInputIT seed " + seed + ": requests per endpoint and status\n");
        out.append(String.format("%-62s %6s  %s%n", "endpoint", "total", "statuses"));
        int total = 0;
        for (Map.Entry<String, Map<Integer, Integer>> row : table.entrySet()) {
            int count = row.getValue().values().stream().mapToInt(Integer::intValue).sum();
            total += count;
            out.append(String.format("%-62s %6d  %s%n", row.getKey(), count, row.getValue()));
        }
        out.append(String.format("%-62s %6d%n", "all", total));
        System.out.println(out);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + ")";
    }
}
