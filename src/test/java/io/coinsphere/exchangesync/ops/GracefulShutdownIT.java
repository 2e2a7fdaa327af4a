package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.ExchangeSyncApplication;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.LeakWatch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Stops a whole application context in the middle of a sync, as SIGTERM does, and looks at the database
 * afterwards (a PostgreSQL of the test's own, so it outlives the application): no connection is left with a
 * held lease, and its holdings are either fully written or untouched.
 */
class GracefulShutdownIT {

    private static final ExchangeEmulator EMULATOR = ExchangeEmulator.start();
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate db;

    @BeforeAll
    static void database() throws Exception {
        LeakWatch.install();
        postgres = EmbeddedPostgres.builder().start();
        db = new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", true));
    }

    @AfterAll
    static void stop() throws Exception {
        EMULATOR.close();
        postgres.close();
        assertThat(LeakWatch.leaks()).as("secrets seen in logs or responses").isEmpty();
    }

    @Test
    void aSyncRunningAtShutdownFinishesWithinTheShutdownTimeout() {
        Started app = start(10);
        UUID id = syncInFlightThenClose(app, Duration.ofSeconds(2));
        assertThat(leaseOf(id)).as("released by the finished sync").isNull();
        assertThat(holdings(id)).as("fully written").containsExactlyEntriesOf(Map.of("BTC", new BigDecimal("2")));
    }

    @Test
    void aSyncStillRunningWhenTheTimeoutEndsIsHandedBack() {
        Started app = start(1);
        UUID id = syncInFlightThenClose(app, Duration.ofSeconds(4));
        assertThat(leaseOf(id)).as("handed back for the next run").isNull();
        assertThat(holdings(id)).as("untouched or fully written, never half")
                .satisfiesAnyOf(h -> assertThat(h).containsExactlyEntriesOf(Map.of("BTC", new BigDecimal("1"))),
                        h -> assertThat(h).containsExactlyEntriesOf(Map.of("BTC", new BigDecimal("2"))));
    }

    private record Started(ConfigurableApplicationContext context, int port) {
    }

    private UUID syncInFlightThenClose(Started app, Duration latency) {
        ApiClient user = ApiClient.newUser(app.port());
        EmulatedAccount account = EMULATOR.addAccount(ExchangeId.BINANCE).setBalance("BTC", new BigDecimal("1"), BigDecimal.ZERO);
        LeakWatch.secret(account.apiSecret());
        ApiClient.Response connected = user.post("/api/v1/exchanges/connect", ApiClient.json("exchange", "binance",
                "apiKey", account.apiKey(), "apiSecret", account.apiSecret()));
        assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
        UUID id = UUID.fromString(connected.text("connectionId"));
        await().atMost(Duration.ofSeconds(30)).until(() -> runs(id) >= 1);

        account.setBalance("BTC", new BigDecimal("2"), BigDecimal.ZERO);
        EMULATOR.setLatency(ExchangeId.BINANCE, latency);
        try {
            assertThat(user.post("/api/v1/exchanges/connections/" + id + "/sync", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> leaseOf(id) != null);
            app.context().close();
        } finally {
            EMULATOR.setLatency(ExchangeId.BINANCE, Duration.ZERO);
        }
        assertThat(app.context().isActive()).isFalse();
        return id;
    }

    private Started start(int shutdownTimeoutSeconds) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);
        LeakWatch.secret(masterKey);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        try {
            properties.put("coinsphere.data-dir", Files.createTempDirectory("coinsphere-shutdown-").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        properties.put("coinsphere.vault.encryption-key", masterKey);
        for (ExchangeId id : ExchangeId.values()) {
            properties.put("coinsphere.exchanges." + id.id() + ".base-url", EMULATOR.baseUrl(id).toString());
        }
        properties.put("coinsphere.exchanges.read-timeout", "15s");
        properties.put("coinsphere.sync.fanout-enabled", "false");
        properties.put("coinsphere.kafka.embedded-port", "0");
        properties.put("coinsphere.sync.retry.initial-delay", "50ms");
        properties.put("camel.main.shutdown-timeout", shutdownTimeoutSeconds);
        // Its own JMX domain name, so it does not clash with another context in this JVM.
        properties.put("camel.main.name", "coinsphere-shutdown-" + UUID.randomUUID());
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.jmx.default-domain", "coinsphere-shutdown-" + UUID.randomUUID());
        // Command-line arguments: they win over application.yaml, as on a real deployment.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ExchangeSyncApplication.class).run(args);
        return new Started(context, ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static int runs(UUID id) {
        return db.queryForObject("SELECT count(*) FROM sync_runs WHERE connection_id = ?", Integer.class, id);
    }

    private static Object leaseOf(UUID id) {
        return db.queryForObject("SELECT sync_lease_until FROM exchange_connections WHERE id = ?", Object.class, id);
    }

    private static Map<String, BigDecimal> holdings(UUID id) {
        Map<String, BigDecimal> result = new HashMap<>();
        db.query("SELECT t.symbol, h.amount FROM holdings h JOIN tokens t ON t.id = h.token_id WHERE h.connection_id = ?",
                rs -> {
                    result.put(rs.getString(1), new BigDecimal(rs.getBigDecimal(2).stripTrailingZeros().toPlainString()));
                }, id);
        return result;
    }
}
