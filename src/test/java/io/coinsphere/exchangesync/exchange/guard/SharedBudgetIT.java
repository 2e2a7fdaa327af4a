package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.binance.BinanceAdapter;
import io.coinsphere.exchangesync.support.ServiceInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two instances on one PostgreSQL behind one address (both call the emulator from 127.0.0.1) share Binance's
 * per-address budget ({@code budget.shared}): under a load that wants far more, the emulator's per-address weight
 * limit refuses nothing, and the two together use at least 90 % of the one budget. Binance's minute is scaled to a
 * second: limit 1200 weight per second, budget 200 + 800 per second (at most 200 + 800 * 1.02 in any second, leaving
 * the time between taking a token and the request's arrival, a few ms here but scaled 60 times, some room).
 */
class SharedBudgetIT {

    private static final long LIMIT = 1_200;
    /** At least the dearest call (an earn page, 150), which a bucket would otherwise count as its capacity. */
    private static final long CAPACITY = 200;
    private static final long REFILL = 800;
    private static final Duration LOAD = Duration.ofSeconds(6);
    private static final int WORKERS_PER_INSTANCE = 8;

    private static EmbeddedPostgres postgres;
    private static ExchangeEmulator emulator;
    private static ServiceInstance a;
    private static ServiceInstance b;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        emulator = ExchangeEmulator.start();
        Path dir = Files.createTempDirectory("coinsphere-shared-budget-");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> common = List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--coinsphere.vault.encryption-key=" + Base64.getEncoder().encodeToString(key),
                "--coinsphere.kafka.enabled=false",
                "--coinsphere.sync.fanout-enabled=false",
                "--coinsphere.exchanges.max-budget-wait=60s",
                "--coinsphere.exchanges.binance.budget.capacity=" + CAPACITY,
                "--coinsphere.exchanges.binance.budget.refill=" + REFILL,
                "--coinsphere.exchanges.binance.budget.period=1s",
                "--coinsphere.exchanges.binance.budget.per-key=false",
                "--coinsphere.exchanges.binance.budget.shared=true");
        a = ServiceInstance.start("shared-budget-a", emulator, with(common, "--coinsphere.data-dir=" + dir.resolve("a")));
        b = ServiceInstance.start("shared-budget-b", emulator, with(common, "--coinsphere.data-dir=" + dir.resolve("b")));
    }

    @AfterAll
    static void stop() throws IOException {
        for (ServiceInstance instance : new ServiceInstance[] {b, a}) {
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
    void twoInstancesBehindOneAddressShareOneBudgetWithoutGoingOverTheLimit() throws Exception {
        emulator.setRateLimit(ExchangeId.BINANCE, LIMIT, Duration.ofSeconds(1));
        List<ApiCredentials> keys = new ArrayList<>();
        for (int i = 0; i < 2 * WORKERS_PER_INSTANCE; i++) {
            EmulatedAccount account = emulator.addAccount(ExchangeId.BINANCE).setBalance("BTC", new BigDecimal("0.5"), BigDecimal.ZERO);
            keys.add(new ApiCredentials(account.apiKey(), account.apiSecret(), null));
        }
        long rejectedBefore = emulator.rateLimitRejections(ExchangeId.BINANCE);
        AtomicLong failures = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(2 * WORKERS_PER_INSTANCE);
        long started = System.nanoTime();
        long until = started + LOAD.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            BinanceAdapter adapter = (i % 2 == 0 ? a : b).bean(BinanceAdapter.class);
            ApiCredentials credentials = keys.get(i);
            running.add(workers.submit(() -> {
                while (System.nanoTime() < until) {
                    try {
                        adapter.fetchBalances(credentials);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        workers.shutdown();

        ExchangeGuard guardA = a.bean(ExchangeGuards.class).of(ExchangeId.BINANCE);
        ExchangeGuard guardB = b.bean(ExchangeGuards.class).of(ExchangeId.BINANCE);
        long used = guardA.stats().taken() + guardB.stats().taken();
        double budget = CAPACITY + REFILL * seconds;
        System.out.printf("shared budget: %d weight used of %.0f (%.1f %%) in %.2f s by two instances (%d + %d); "
                        + "%d + %d database round trips; %d refused by the emulator%n", used, budget, 100 * used / budget, seconds,
                guardA.stats().taken(), guardB.stats().taken(), guardA.budgetRoundTrips(), guardB.budgetRoundTrips(),
                emulator.rateLimitRejections(ExchangeId.BINANCE) - rejectedBefore);

        assertThat(emulator.rateLimitRejections(ExchangeId.BINANCE)).as("refused by the per-address limit").isEqualTo(rejectedBefore);
        assertThat(failures).hasValue(0);
        assertThat(guardA.stats().taken()).as("instance A took part").isPositive();
        assertThat(guardB.stats().taken()).as("instance B took part").isPositive();
        assertThat(used / budget).as("share of the one budget used").isGreaterThanOrEqualTo(0.9);
        // Batches: far fewer database round trips than calls.
        assertThat(guardA.budgetRoundTrips() + guardB.budgetRoundTrips()).isPositive();
        assertThat(new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", true))
                .queryForObject("SELECT count(*) FROM rate_limit_buckets WHERE id = 'exchange-budget:binance'", Integer.class))
                .isEqualTo(1);
    }

    private static String[] with(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all.toArray(String[]::new);
    }
}
