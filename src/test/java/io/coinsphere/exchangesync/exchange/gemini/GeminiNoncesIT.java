package io.coinsphere.exchangesync.exchange.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Gemini nonces from the PostgreSQL high-water mark, across "instances", restarts and threads. */
class GeminiNoncesIT extends IntegrationTest {

    @Autowired
    private JdbcGeminiNonces service;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void increaseAcrossInstancesAndRestartsEvenWithAClockBehind() {
        String key = "account-" + UUID.randomUUID();
        long now = System.currentTimeMillis() / 1000;
        long first = service.next(key, now);
        // Another instance, or this one restarted, whose clock is far behind.
        long second = new JdbcGeminiNonces(jdbc, transactions).next(key, 1_000L);
        long third = service.next(key, now);
        assertThat(first).isEqualTo(now);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_nonces WHERE exchange = 'gemini' AND api_key_fingerprint = ?",
                Integer.class, JdbcGeminiNonces.fingerprint(key))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT api_key_fingerprint FROM exchange_nonces", String.class)).doesNotContain(key);
    }

    @Test
    void concurrentTakersOnThreeInstancesNeverShareOrReorderANonce() throws Exception {
        String key = "account-" + UUID.randomUUID();
        List<JdbcGeminiNonces> instances = List.of(service, new JdbcGeminiNonces(jdbc, transactions),
                new JdbcGeminiNonces(jdbc, transactions));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                JdbcGeminiNonces instance = instances.get(t % 3);
                long clock = t % 2 == 0 ? System.currentTimeMillis() / 1000 : 5L;
                runs.add(pool.submit((Callable<List<Long>>) () -> {
                    List<Long> taken = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        taken.add(instance.next(key, clock));
                    }
                    return taken;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> run : runs) {
                List<Long> taken = run.get(60, TimeUnit.SECONDS);
                assertThat(taken).isSorted().doesNotHaveDuplicates();
                all.addAll(taken);
            }
            assertThat(all).hasSize(240);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void syncsOfOneKeyFromTwoConnectionsAreAcceptedByGemini() {
        EmulatedAccount account = account(ExchangeId.GEMINI).setBalance("BTC", dec("1"), dec("0"));
        ApiClient alice = newUser();
        ApiClient bob = newUser();
        UUID a = connect(alice, account);
        UUID b = connect(bob, account);
        awaitRuns(a, 1);
        awaitRuns(b, 1);
        for (int i = 0; i < 3; i++) {
            syncNow(alice, a);
            syncNow(bob, b);
        }
        assertThat(holdings(a)).containsEntry("BTC", dec("1"));
        assertThat(holdings(b)).containsEntry("BTC", dec("1"));
        assertThat(connectionRow(a).get("last_error")).isNull();
        assertThat(connectionRow(b).get("last_error")).isNull();
    }
}
