package io.coinsphere.exchangesync.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KrakenNonceFactoryTest {

    @Test
    void followsTheClockWhenItMoves() {
        long[] now = {1_000};
        KrakenNonceFactory nonces = new KrakenNonceFactory(() -> now[0]);
        assertThat(nonces.createValue()).isEqualTo(1_000L);
        now[0] = 5_000;
        assertThat(nonces.createValue()).isEqualTo(5_000L);
    }

    @Test
    void staysStrictlyIncreasingWithinOneMillisecondAndWhenTheClockGoesBack() {
        long[] now = {1_000};
        KrakenNonceFactory nonces = new KrakenNonceFactory(() -> now[0]);
        assertThat(nonces.createValue()).isEqualTo(1_000L);
        assertThat(nonces.createValue()).isEqualTo(1_001L);
        now[0] = 500;
        assertThat(nonces.createValue()).isEqualTo(1_002L);
    }

    @Test
    void neverRepeatsAcrossThreads() throws InterruptedException {
        KrakenNonceFactory nonces = new KrakenNonceFactory(() -> 42L);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8_000; i++) {
            pool.execute(() -> seen.add(nonces.createValue()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(8_000);
    }
}
