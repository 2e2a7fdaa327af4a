package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
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
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The cases every nonce store passes (Kraken's, Gemini's): nonces from the PostgreSQL high-water mark increase per key
 * across instances, restarts, clocks behind and threads, the key is stored only as a digest, and two connections of
 * one key sync without a nonce error. A subclass per exchange builds its store on a given clock.
 */
public abstract class NonceStoreCases extends IntegrationTest {

    /** One store instance, as another process or a restarted one would hold it. */
    @FunctionalInterface
    protected interface NonceTaker {
        long next(String apiKey);
    }

    private final ExchangeId exchange;
    private final String table;
    private final Function<String, String> fingerprint;
    private final String bitcoin;

    /**
     * @param table where the store keeps its high-water marks, one row per key digest
     * @param fingerprint the digest the store keeps instead of a key
     * @param bitcoin the exchange's code for bitcoin
     */
    protected NonceStoreCases(ExchangeId exchange, String table, Function<String, String> fingerprint, String bitcoin) {
        this.exchange = exchange;
        this.table = table;
        this.fingerprint = fingerprint;
        this.bitcoin = bitcoin;
    }

    /** A store on {@code clock}, in the unit the exchange's nonces count (milliseconds for Kraken, seconds for Gemini). */
    protected abstract NonceTaker store(LongSupplier clock);

    /** Now, in the unit of the exchange's nonces. */
    protected abstract long now();

    @Test
    void increaseAcrossInstancesAndRestartsEvenWithAClockBehind() {
        String key = "key-" + UUID.randomUUID();
        long now = now();
        long first = store(() -> now).next(key);
        // Another instance, or this one restarted, whose clock is far behind.
        long second = store(() -> 1_000L).next(key);
        long third = store(() -> now).next(key);
        assertThat(first).isEqualTo(now);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE api_key_fingerprint = ?", Integer.class,
                fingerprint.apply(key))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT api_key_fingerprint FROM " + table, String.class)).doesNotContain(key);
    }

    @Test
    void concurrentTakersOnThreeInstancesNeverShareOrReorderANonce() throws Exception {
        String key = "key-" + UUID.randomUUID();
        List<NonceTaker> instances = List.of(store(this::now), store(this::now), store(() -> 5L));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                NonceTaker instance = instances.get(t % 3);
                runs.add(pool.submit((Callable<List<Long>>) () -> {
                    List<Long> taken = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        taken.add(instance.next(key));
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
    void syncsOfOneKeyFromTwoConnectionsAreAcceptedByTheExchange() {
        EmulatedAccount account = account(exchange).setBalance(bitcoin, dec("1"), dec("0"));
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
