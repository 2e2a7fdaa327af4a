package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PerKeyExclusionTest {

    private final PerKeyExclusion perKey = new PerKeyExclusion();

    @Test
    void runsCallsForOneKeyOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            results.add(pool.submit(() -> perKey.run("key", () -> {
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(1);
                return inside.decrementAndGet();
            })));
        }
        for (Future<Integer> result : results) {
            result.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(perKey.activeKeys()).isZero();
    }

    @Test
    void doesNotMakeOtherKeysWait() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> slow = pool.submit(() -> perKey.run("a", () -> {
            firstInside.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "a";
        }));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.submit(() -> perKey.run("b", () -> "b")).get(5, TimeUnit.SECONDS)).isEqualTo("b");
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("a");
        pool.shutdown();
        assertThat(perKey.activeKeys()).isZero();
    }

    @Test
    void releasesTheKeyWhenTheCallFails() {
        try {
            perKey.run("k", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (Exception expected) {
            assertThat(expected).hasMessage("boom");
        }
        assertThat(perKey.activeKeys()).isZero();
    }
}
