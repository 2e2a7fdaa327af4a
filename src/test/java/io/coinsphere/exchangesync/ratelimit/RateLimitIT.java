package io.coinsphere.exchangesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.support.ServiceInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The API rate limits over real HTTP with low limits. Instances A and B share their buckets in one PostgreSQL and
 * trust 127.0.0.1 as a proxy, so each test picks its own client address with X-Forwarded-For; instance C keeps
 * its buckets in memory and trusts no proxy, so all its requests come from 127.0.0.1.
 */
class RateLimitIT {

    /** A and B: 30 API requests, 3 logins, 2 key tests per 10 minutes; nothing refills during a test. */
    private static final int API_LIMIT = 30;
    private static final int LOGIN_LIMIT = 3;
    private static final int TEST_LIMIT = 2;
    /** C: 3 API requests per 3 s, one token back per second. */
    private static final int FAST_LIMIT = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private static EmbeddedPostgres postgres;
    private static ExchangeEmulator emulator;
    private static ServiceInstance a;
    private static ServiceInstance b;
    private static ServiceInstance c;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        emulator = ExchangeEmulator.start();
        Path dir = Files.createTempDirectory("coinsphere-ratelimit-");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> common = List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--coinsphere.vault.encryption-key=" + Base64.getEncoder().encodeToString(key),
                "--coinsphere.kafka.enabled=false",
                "--coinsphere.sync.fanout-enabled=false",
                "--coinsphere.rate-limit.cleanup-interval=1s");
        List<String> shared = new ArrayList<>(common);
        shared.addAll(List.of(
                "--coinsphere.rate-limit.store=postgres",
                "--coinsphere.rate-limit.trusted-proxies=127.0.0.1",
                "--coinsphere.rate-limit.api.requests=" + API_LIMIT,
                "--coinsphere.rate-limit.api.period=10m",
                "--coinsphere.rate-limit.login.requests=" + LOGIN_LIMIT,
                "--coinsphere.rate-limit.login.period=10m",
                "--coinsphere.rate-limit.exchange-test.requests=" + TEST_LIMIT,
                "--coinsphere.rate-limit.exchange-test.period=10m"));
        a = ServiceInstance.start("ratelimit-a", emulator, with(shared, "--coinsphere.data-dir=" + dir.resolve("a")));
        b = ServiceInstance.start("ratelimit-b", emulator, with(shared, "--coinsphere.data-dir=" + dir.resolve("b")));
        List<String> memory = new ArrayList<>(common);
        memory.addAll(List.of(
                "--coinsphere.rate-limit.api.requests=" + FAST_LIMIT,
                "--coinsphere.rate-limit.api.period=3s"));
        c = ServiceInstance.start("ratelimit-c", emulator, with(memory, "--coinsphere.data-dir=" + dir.resolve("c")));
    }

    @AfterAll
    static void stop() throws IOException {
        for (ServiceInstance instance : new ServiceInstance[] {c, b, a}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (emulator != null) {
            emulator.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void overTheLimitTheAnswerIs429WithRetryAfterRateLimitHeadersAndTheJsonErrorBody() throws Exception {
        String client = newAddress();
        for (int i = 1; i <= API_LIMIT; i++) {
            HttpResponse<String> allowed = call(a, "GET", "/api/v1/exchanges/supported", null, null, client);
            assertThat(allowed.statusCode()).as("request %d", i).isEqualTo(401);
            assertThat(header(allowed, "RateLimit-Limit")).isEqualTo(API_LIMIT);
            assertThat(header(allowed, "RateLimit-Remaining")).isEqualTo(API_LIMIT - i);
            assertThat(header(allowed, "RateLimit-Reset")).isPositive();
        }

        HttpResponse<String> refused = call(a, "GET", "/api/v1/exchanges/supported", null, null, client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).isEqualTo("rate_limited");
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("details").isArray()).isTrue();
        // 30 per 10 minutes: one request back every 20 s, the whole bucket after 10 minutes.
        assertThat(header(refused, "Retry-After")).isBetween(1, 20);
        assertThat(header(refused, "RateLimit-Limit")).isEqualTo(API_LIMIT);
        assertThat(header(refused, "RateLimit-Remaining")).isZero();
        assertThat(header(refused, "RateLimit-Reset")).isBetween(580, 600);
        // Refused before Spring Security's header writers run, yet with the same security headers.
        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(refused.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // A POST is refused the same way, before its body is read.
        assertThat(call(a, "POST", "/api/v1/auth/register", "{\"email\":\"x@example.com\",\"password\":\"long enough pw\"}",
                null, client).statusCode()).isEqualTo(429);
    }

    @Test
    void loginHasItsOwnStricterBucket() throws Exception {
        String client = newAddress();
        String wrong = "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\",\"password\":\"wrong password\"}";
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            HttpResponse<String> attempt = call(a, "POST", "/api/v1/auth/login", wrong, null, client);
            assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(401);
            // The login bucket is the tighter one, so the headers report it.
            assertThat(header(attempt, "RateLimit-Limit")).isEqualTo(LOGIN_LIMIT);
        }

        HttpResponse<String> refused = call(b, "POST", "/api/v1/auth/login", wrong, null, client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("rate_limited");
        assertThat(header(refused, "Retry-After")).isBetween(1, 200);
        // The rest of the API still answers this address.
        assertThat(call(a, "GET", "/api/v1/exchanges/supported", null, null, client).statusCode()).isEqualTo(401);
    }

    @Test
    void passwordGuessesAtTheManagementPathsCostLoginTokens() throws Exception {
        String client = newAddress();
        String guess = "Basic " + Base64.getEncoder().encodeToString("admin@example.com:guess".getBytes());
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            assertThat(callWith(a, "/actuator/prometheus", guess, client).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = callWith(b, "/actuator/prometheus", guess, client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("rate_limited");
        // One bucket for both doors: the API login is closed to this address as well.
        assertThat(call(a, "POST", "/api/v1/auth/login", "{\"email\":\"a@example.com\",\"password\":\"guess again\"}",
                null, client).statusCode()).isEqualTo(429);
        // Health stays open.
        assertThat(call(a, "GET", "/actuator/health", null, null, client).statusCode()).isEqualTo(200);
    }

    @Test
    void keyTestsAreLimitedPerUserNotPerAddress() throws Exception {
        String office = newAddress();
        String alice = register(a, office);
        String bob = register(a, office);
        // Incomplete on purpose: the limit counts requests, whatever the answer, and no exchange is called.
        String test = "{\"exchange\":\"binance\"}";
        for (int i = 1; i <= TEST_LIMIT; i++) {
            HttpResponse<String> allowed = call(a, "POST", "/api/v1/exchanges/test", test, alice, office);
            assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(400);
            assertThat(header(allowed, "RateLimit-Limit")).isEqualTo(TEST_LIMIT);
            assertThat(header(allowed, "RateLimit-Remaining")).isEqualTo(TEST_LIMIT - i);
        }

        HttpResponse<String> refused = call(a, "POST", "/api/v1/exchanges/test", test, alice, office);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("rate_limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        // Connecting and replacing a key call the exchange too: the same bucket, so neither is a way around it.
        assertThat(call(a, "POST", "/api/v1/exchanges/connect", test, alice, office).statusCode()).isEqualTo(429);
        assertThat(call(a, "PUT", "/api/v1/exchanges/connections/6f1c2e0a-0000-4000-8000-000000000001/credentials",
                "{\"apiKey\":\"k\"}", alice, office).statusCode()).isEqualTo(429);

        // Same address, another user: a bucket of its own.
        HttpResponse<String> other = call(a, "POST", "/api/v1/exchanges/test", test, bob, office);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(400);
        // And Alice's other calls are not held back by her key-test bucket.
        assertThat(call(a, "GET", "/api/v1/exchanges/supported", null, alice, office).statusCode()).isEqualTo(200);
    }

    @Test
    void twoInstancesOnOnePostgresShareOneBudget() throws Exception {
        String client = newAddress();
        for (int i = 1; i <= API_LIMIT; i++) {
            ServiceInstance instance = i % 2 == 0 ? a : b;
            HttpResponse<String> allowed = call(instance, "GET", "/api/v1/exchanges/supported", null, null, client);
            assertThat(header(allowed, "RateLimit-Remaining")).as("request %d", i).isEqualTo(API_LIMIT - i);
        }

        assertThat(call(a, "GET", "/api/v1/exchanges/supported", null, null, client).statusCode()).isEqualTo(429);
        assertThat(call(b, "GET", "/api/v1/exchanges/supported", null, null, client).statusCode()).isEqualTo(429);
        assertThat(db().queryForObject("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE ?", Integer.class,
                "api:%:" + client)).isEqualTo(1);
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() throws Exception {
        // C trusts no proxy: a new X-Forwarded-For on every request does not open a new bucket.
        exhaust(c, null);
        HttpResponse<String> forged = call(c, "GET", "/api/v1/exchanges/supported", null, null, newAddress());
        assertThat(forged.statusCode()).isEqualTo(429);

        // A trusts 127.0.0.1, its proxy here: each forwarded client has its own bucket.
        String first = newAddress();
        exhaust(a, first);
        assertThat(call(a, "GET", "/api/v1/exchanges/supported", null, null, newAddress()).statusCode()).isEqualTo(401);
        // Only the hop our proxy appended counts; what the client wrote before it does not.
        assertThat(call(a, "GET", "/api/v1/exchanges/supported", null, null, newAddress() + ", " + first).statusCode())
                .isEqualTo(429);
    }

    @Test
    void anEmptyBucketRefillsAndIdleBucketsAreDropped() throws Exception {
        exhaust(c, null);
        HttpResponse<String> refused = call(c, "GET", "/api/v1/exchanges/supported", null, null, null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(header(refused, "Retry-After")).isEqualTo(1);

        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> call(c, "GET", "/api/v1/exchanges/supported", null, null, null).statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofSeconds(3));

        // Once full again (3 s) a bucket is the same as a new one; the cleanup (every second here) drops it.
        MemoryBucketStore store = (MemoryBucketStore) c.bean(BucketStore.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.size() == 0);
    }

    @Test
    void thePageHealthAndActuatorHealthAreExempt() throws Exception {
        exhaust(c, null);
        for (String path : List.of("/", "/exchanges", "/assets/app.css", "/health", "/actuator/health")) {
            HttpResponse<String> response = call(c, "GET", path, null, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Limit")).as(path).isEmpty();
        }
    }

    /** Sends requests until the bucket is empty; at most the limit plus a margin may pass. */
    private static void exhaust(ServiceInstance instance, String client) throws Exception {
        for (int i = 0; i <= API_LIMIT + 5; i++) {
            if (call(instance, "GET", "/api/v1/exchanges/supported", null, null, client).statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError("never limited");
    }

    /** Registers and logs in a new user from {@code client}; returns its token. */
    private static String register(ServiceInstance instance, String client) throws Exception {
        String credentials = JSON.writeValueAsString(Map.of("email", "user-" + UUID.randomUUID() + "@example.com",
                "password", "pw-" + UUID.randomUUID()));
        assertThat(call(instance, "POST", "/api/v1/auth/register", credentials, null, client).statusCode()).isEqualTo(201);
        HttpResponse<String> login = call(instance, "POST", "/api/v1/auth/login", credentials, null, client);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("accessToken").asText();
    }

    /** A documentation-range address (198.18.0.0/15, benchmarking) no other test uses. */
    private static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static HttpResponse<String> call(ServiceInstance instance, String method, String path, String body, String token,
            String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with a raw Authorization header (HTTP Basic). */
    private static HttpResponse<String> callWith(ServiceInstance instance, String path, String authorization, String forwardedFor)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization).header("X-Forwarded-For", forwardedFor)
                .GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int header(HttpResponse<String> response, String name) {
        return Integer.parseInt(response.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("no " + name + " header on " + response.statusCode())));
    }

    private static JdbcTemplate db() {
        return new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", true));
    }

    private static String[] with(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all.toArray(String[]::new);
    }
}
