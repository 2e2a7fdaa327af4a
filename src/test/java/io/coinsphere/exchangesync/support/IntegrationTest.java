package io.coinsphere.exchangesync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.ExchangeSyncApplication;
import io.coinsphere.exchangesync.auth.AdminGrants;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.vault.CredentialVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: one Spring context for the whole suite on a real embedded
 * PostgreSQL, with the four exchanges pointed at one exchange emulator over real HTTP.
 * Retry delays are tiny and the Quartz fan-out is off, so tests drive the routes directly.
 * The API rate limits stay on with huge buckets (test resource {@code config/application.yaml}), since the
 * suite sends everything from 127.0.0.1; RateLimitIT tests the real limits.
 */
@SpringBootTest(classes = ExchangeSyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final ExchangeEmulator EMULATOR = ExchangeEmulator.start();
    protected static final String MASTER_KEY;
    /** The one administrator of the suite (coinsphere.security.admin-emails); see {@link #admin()}. */
    protected static final String ADMIN_EMAIL = "ops-admin@example.com";
    protected static final String ADMIN_PASSWORD = "admin-pw-" + UUID.randomUUID();
    /** Listed in coinsphere.security.admin-emails too, but registered only by AdminGrantsIT, after start-up. */
    protected static final String UNCLAIMED_ADMIN_EMAIL = "unclaimed-admin@example.com";
    /** Prometheus's scrape token (coinsphere.security.prometheus-token). */
    protected static final String PROMETHEUS_TOKEN = "scrape-" + UUID.randomUUID() + UUID.randomUUID();

    static {
        LeakWatch.install();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        MASTER_KEY = Base64.getEncoder().encodeToString(key);
        LeakWatch.secret(MASTER_KEY);
        LeakWatch.secret(ADMIN_PASSWORD);
        LeakWatch.secret(PROMETHEUS_TOKEN);
        Runtime.getRuntime().addShutdownHook(new Thread(EMULATOR::close));
        // Budgets and bans are tested on their own (RateBudgetIT); here they would only slow the suite.
        for (ExchangeId id : ExchangeId.values()) {
            EMULATOR.disableRateLimit(id);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CamelContext camel;

    @Autowired
    private AdminGrants adminGrants;

    @Autowired
    private CredentialVault credentialVault;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // A directory per context: the shared one, and each route test's own (RouteTest), run their own PostgreSQL.
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("coinsphere-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("coinsphere.data-dir", dataDir::toString);
        registry.add("coinsphere.vault.encryption-key", () -> MASTER_KEY);
        for (ExchangeId id : ExchangeId.values()) {
            registry.add("coinsphere.exchanges." + id.id() + ".base-url", () -> EMULATOR.baseUrl(id).toString());
        }
        for (ExchangeId id : ExchangeId.values()) {
            registry.add("coinsphere.exchanges." + id.id() + ".budget.capacity", () -> "1000000000");
            registry.add("coinsphere.exchanges." + id.id() + ".budget.refill", () -> "1000000000");
        }
        registry.add("coinsphere.exchanges.binance.earn-refresh", () -> "0s");
        registry.add("coinsphere.exchanges.circuit-breaker.failures", () -> "1000");
        registry.add("coinsphere.exchanges.connect-timeout", () -> "2s");
        registry.add("coinsphere.exchanges.read-timeout", () -> "2s");
        registry.add("coinsphere.sync.fanout-enabled", () -> "false");
        // Tests refresh prices themselves (direct:prices-refresh), so pinned emulator prices are what they read.
        registry.add("coinsphere.prices.enabled", () -> "false");
        registry.add("coinsphere.history.compaction-enabled", () -> "false");
        registry.add("coinsphere.kafka.embedded-port", () -> "0");
        registry.add("coinsphere.security.admin-emails", () -> ADMIN_EMAIL + "," + UNCLAIMED_ADMIN_EMAIL);
        registry.add("coinsphere.security.prometheus-token", () -> PROMETHEUS_TOKEN);
        // Spring Boot tests switch metric exporters off; the Prometheus endpoint is under test.
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
        registry.add("coinsphere.sync.workers", () -> "8");
        registry.add("coinsphere.sync.retry.max-redeliveries", () -> "3");
        registry.add("coinsphere.sync.retry.initial-delay", () -> "50ms");
        registry.add("coinsphere.sync.retry.multiplier", () -> "2");
    }

    /** Spring Boot resets Logback when the shared context starts; the watch must be on every line after that. */
    @BeforeEach
    void watchLogs() {
        LeakWatch.install();
    }

    @AfterAll
    static void nothingLeaked() {
        assertThat(LeakWatch.leaks()).as("secrets seen in logs or responses").isEmpty();
    }

    protected ApiClient newUser() {
        return ApiClient.newUser(port);
    }

    /**
     * The administrator, registered on first use; its token carries the ADMIN role. The role is granted at
     * start-up to accounts that exist by then (auth/AdminGrants); the suite's shared context started before the
     * account was registered, so it runs the same grant again, as the next start would.
     */
    protected ApiClient admin() {
        ApiClient anonymous = anonymous();
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                ApiClient.json("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        if (registered.status() == 201) {
            adminGrants.apply();
        }
        ApiClient.Response login = anonymous.post("/api/v1/auth/login",
                ApiClient.json("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return anonymous.withToken(login.text("accessToken"));
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null);
    }

    /** A new emulated account with random credentials; its secrets join the leak watch. */
    protected EmulatedAccount account(ExchangeId exchange) {
        EmulatedAccount account = EMULATOR.addAccount(exchange);
        LeakWatch.secret(account.apiSecret());
        LeakWatch.secret(account.passphrase());
        return account;
    }

    protected static Map<String, Object> credentials(EmulatedAccount account, String label) {
        return ApiClient.json("exchange", account.exchange().id(), "apiKey", account.apiKey(),
                "apiSecret", account.apiSecret(), "passphrase", account.passphrase(), "label", label);
    }

    /** Connects the account through the API and returns the new connection id. */
    protected UUID connect(ApiClient user, EmulatedAccount account) {
        ApiClient.Response response = user.post("/api/v1/exchanges/connect", credentials(account, null));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return UUID.fromString(response.text("connectionId"));
    }

    /**
     * {@code count} Binance connections of the user with these credentials, due now, written straight into the table
     * (no key test and no first sync, as a fan-out finds them); labels are {@code label + " " + i}.
     */
    protected List<UUID> insertDueConnections(UUID userId, int count, String label, String apiKey, String apiSecret) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            jdbc.update("""
                    INSERT INTO exchange_connections (id, user_id, portfolio_id, exchange, label, api_key_encrypted,
                        api_secret_encrypted, api_key_fingerprint, api_key_hint, next_sync_at)
                    SELECT ?, ?, p.id, 'binance', ?, ?, ?, ?, 'abcd', now() - interval '1 second'
                    FROM portfolios p WHERE p.user_id = ? AND p.is_default""",
                    id, userId, label + " " + i, credentialVault.encrypt(id, "api_key_encrypted", apiKey),
                    credentialVault.encrypt(id, "api_secret_encrypted", apiSecret), "fp-" + id, userId);
        }
        return ids;
    }

    protected int runs(UUID connectionId) {
        return jdbc.queryForObject("SELECT count(*) FROM sync_runs WHERE connection_id = ?", Integer.class, connectionId);
    }

    /** Waits until the connection has at least {@code count} finished sync runs. */
    protected void awaitRuns(UUID connectionId, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> runs(connectionId) >= count);
    }

    /** Asks for a manual sync and waits for it to finish. */
    protected void syncNow(ApiClient user, UUID connectionId) {
        int before = runs(connectionId);
        ApiClient.Response response = user.post("/api/v1/exchanges/connections/" + connectionId + "/sync", null);
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        awaitRuns(connectionId, before + 1);
    }

    /** The connection's holdings as symbol -> amount, read straight from the table. */
    protected Map<String, BigDecimal> holdings(UUID connectionId) {
        Map<String, BigDecimal> result = new HashMap<>();
        jdbc.query("SELECT t.symbol, h.amount FROM holdings h JOIN tokens t ON t.id = h.token_id WHERE h.connection_id = ?",
                rs -> {
                    result.put(rs.getString(1), new BigDecimal(rs.getBigDecimal(2).stripTrailingZeros().toPlainString()));
                }, connectionId);
        return result;
    }

    protected Map<String, Object> connectionRow(UUID connectionId) {
        return jdbc.queryForMap("SELECT * FROM exchange_connections WHERE id = ?", connectionId);
    }

    protected static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
