package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.kafka.EmbeddedKafkaServer;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.ServiceInstance;
import io.coinsphere.exchangesync.vault.CredentialVault;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two instances share one PostgreSQL and one Kafka: every connection is synced exactly once per
 * cycle, the fan-out runs once per interval across both, and a stopped instance loses nothing.
 */
class ScaleOutIT {

    private static final int CONNECTIONS = 1000;
    private static final ExchangeId[] SPREAD = {ExchangeId.BINANCE, ExchangeId.COINBASE, ExchangeId.KUCOIN};

    @Test
    void twoInstancesSyncEveryConnectionOncePerCycle() throws Exception {
        Path dir = Files.createTempDirectory("coinsphere-scale-");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dir.resolve("kafka"), 0);
                ExchangeEmulator emulator = ExchangeEmulator.start()) {
            String[] shared = {
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--coinsphere.vault.encryption-key=" + Base64.getEncoder().encodeToString(key),
                    "--coinsphere.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--coinsphere.security.jwt.private-key-location=",
                    "--coinsphere.sync.fanout-interval=2s",
                    "--coinsphere.sync.workers=16",
                    // Rate budgets have their own test (RateBudgetIT); 1000 syncs a cycle would wait on Binance's.
                    "--coinsphere.exchanges.binance.budget.capacity=1000000000",
                    "--coinsphere.exchanges.binance.budget.refill=1000000000",
                    "--coinsphere.exchanges.coinbase.budget.capacity=1000000000",
                    "--coinsphere.exchanges.coinbase.budget.refill=1000000000",
                    "--coinsphere.exchanges.kucoin.budget.capacity=1000000000",
                    "--coinsphere.exchanges.kucoin.budget.refill=1000000000"};
            for (ExchangeId id : ExchangeId.values()) {
                emulator.disableRateLimit(id);
            }
            ServiceInstance a = ServiceInstance.start("instance-a", emulator, with(shared, "--coinsphere.data-dir=" + dir.resolve("a")));
            ServiceInstance b = ServiceInstance.start("instance-b", emulator, with(shared, "--coinsphere.data-dir=" + dir.resolve("b")));
            try {
                FanoutLog fanoutsA = watchFanouts(a);
                FanoutLog fanoutsB = watchFanouts(b);
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"),
                        "postgres", "", true));
                UUID userId = insertConnections(a, emulator, jdbc);

                for (int cycle = 1; cycle <= 3; cycle++) {
                    makeDue(jdbc, userId);
                    awaitRuns(jdbc, userId, cycle);
                    assertThat(connectionsWithout(jdbc, userId, cycle)).as("cycle %d: every connection exactly %d runs", cycle, cycle)
                            .isZero();
                }
                // Both instances fire every interval; exactly one of them fans out each interval.
                assertThat(fanoutsA.won).as("no interval fanned out by both instances").doesNotContainAnyElementsOf(fanoutsB.won);
                assertThat(fanoutsA.won.size() + fanoutsB.won.size()).as("intervals fanned out").isGreaterThanOrEqualTo(3);
                assertThat(fanoutsA.lost.get() + fanoutsB.lost.get()).as("the instances did compete").isPositive();

                // Cycle 4: one instance stops while the cycle drains; the other finishes it.
                makeDue(jdbc, userId);
                await().atMost(Duration.ofSeconds(60)).until(() -> totalRuns(jdbc, userId) >= 3L * CONNECTIONS + 100);
                a.close();
                awaitRuns(jdbc, userId, 4);
                assertThat(connectionsWithout(jdbc, userId, 4)).as("every connection synced in cycle 4, once").isZero();
                assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_connections WHERE sync_lease_until > now()",
                        Integer.class)).as("no lease left behind").isZero();
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static String[] with(String[] shared, String extra) {
        String[] all = java.util.Arrays.copyOf(shared, shared.length + 1);
        all[shared.length] = extra;
        return all;
    }

    /** What one instance's Quartz fan-out did: intervals it won, firings that found the interval taken. */
    private static final class FanoutLog {
        final java.util.Set<Long> won = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final AtomicInteger lost = new AtomicInteger();
    }

    private static FanoutLog watchFanouts(ServiceInstance instance) throws Exception {
        FanoutLog log = new FanoutLog();
        EventNotifierSupport notifier = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent done
                        && "fanout-quartz".equals(done.getExchange().getFromRouteId())) {
                    if (done.getExchange().getMessage().getHeader("tick") != null) {
                        log.won.add(done.getExchange().getMessage().getHeader("slot", Long.class));
                    } else {
                        log.lost.incrementAndGet();
                    }
                }
            }
        };
        notifier.start();
        instance.camel().getManagementStrategy().addEventNotifier(notifier);
        return log;
    }

    private static UUID insertConnections(ServiceInstance a, ExchangeEmulator emulator, JdbcTemplate jdbc) {
        ApiClient user = ApiClient.newUser(a.port());
        String sub = new String(Base64.getUrlDecoder().decode(user.token().split("\\.")[1]));
        UUID userId = UUID.fromString(sub.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1"));
        CredentialVault vault = a.bean(CredentialVault.class);
        List<EmulatedAccount> accounts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            accounts.add(emulator.addAccount(SPREAD[i % SPREAD.length]).setBalance("BTC", BigDecimal.ONE, BigDecimal.ZERO));
        }
        for (int i = 0; i < CONNECTIONS; i++) {
            EmulatedAccount account = accounts.get(i % accounts.size());
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    INSERT INTO exchange_connections (id, user_id, portfolio_id, exchange, api_key_encrypted, api_secret_encrypted,
                        passphrase_encrypted, api_key_fingerprint, api_key_hint, next_sync_at)
                    SELECT ?, ?, p.id, ?, ?, ?, ?, ?, 'abcd', now() + interval '1 hour'
                    FROM portfolios p WHERE p.user_id = ? AND p.is_default""",
                    id, userId, account.exchange().id(), vault.encrypt(id, "api_key_encrypted", account.apiKey()),
                    vault.encrypt(id, "api_secret_encrypted", account.apiSecret()),
                    account.passphrase() == null ? null : vault.encrypt(id, "passphrase_encrypted", account.passphrase()),
                    "fp-" + id, userId);
        }
        return userId;
    }

    private static void makeDue(JdbcTemplate jdbc, UUID userId) {
        jdbc.update("UPDATE exchange_connections SET next_sync_at = now() - interval '1 second' WHERE user_id = ?", userId);
    }

    private static long totalRuns(JdbcTemplate jdbc, UUID userId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id WHERE c.user_id = ?""",
                Long.class, userId);
    }

    private static void awaitRuns(JdbcTemplate jdbc, UUID userId, int cycle) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> totalRuns(jdbc, userId) >= (long) cycle * CONNECTIONS);
        // Let anything still in flight land, so a duplicate would be counted.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }

    private static int connectionsWithout(JdbcTemplate jdbc, UUID userId, int runs) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM exchange_connections c
                WHERE c.user_id = ? AND (SELECT count(*) FROM sync_runs r WHERE r.connection_id = c.id) <> ?""",
                Integer.class, userId, runs);
    }
}
