package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An instance's own budget on a hand-moved nanosecond clock: 40 tokens, 20 more every second. */
class LocalTokenBucketTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final AtomicLong nanos = new AtomicLong(-5 * SECOND);
    private final LocalTokenBucket bucket = new LocalTokenBucket(40, 20, Duration.ofSeconds(1), nanos::get);

    @Test
    void startsFullAndRefusesOnceSpentWithTheWaitForTheMissingTokens() {
        assertThat(bucket.isFull()).isTrue();
        assertThat(bucket.tryTake(30)).isZero();
        assertThat(bucket.tryTake(10)).isZero();
        assertThat(bucket.tryTake(20)).as("20 missing at 20 per second").isEqualTo(SECOND);

        nanos.addAndGet(SECOND / 2);
        assertThat(bucket.tryTake(20)).as("a refusal takes nothing; 10 back, 10 to go").isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(10)).isZero();
        assertThat(bucket.tryTake(1)).as("one token every 50 ms").isEqualTo(SECOND / 20);
    }

    @Test
    void refillsContinuouslyUpToTheCapacity() {
        bucket.tryTake(40);
        nanos.addAndGet(SECOND / 20);
        assertThat(bucket.tryTake(1)).as("the first token is back after 50 ms, not at the end of the period").isZero();
        assertThat(bucket.tryTake(1)).isPositive();

        nanos.addAndGet(10 * SECOND);
        assertThat(bucket.isFull()).isTrue();
        assertThat(bucket.tryTake(40)).as("idle time refills no more than the capacity").isZero();
        assertThat(bucket.tryTake(1)).isPositive();
    }

    @Test
    void aCostAboveTheCapacityWaitsForAFullBucketInsteadOfForEver() {
        assertThat(bucket.tryTake(300)).isZero();
        assertThat(bucket.used()).isEqualTo(1.0);
        assertThat(bucket.tryTake(300)).isEqualTo(2 * SECOND);
        assertThat(bucket.tryTake(0)).as("a free call takes nothing").isZero();
    }

    @Test
    void usedIsTheShareSpentAndNotYetRefilled() {
        assertThat(bucket.used()).isZero();
        bucket.tryTake(30);
        assertThat(bucket.used()).isEqualTo(0.75);
        assertThat(bucket.isFull()).isFalse();
        nanos.addAndGet(SECOND);
        assertThat(bucket.used()).isEqualTo(0.25);
    }

    @Test
    void neverLetsMoreThanCapacityPlusRefillThroughInAnyWindow() {
        // A caller taking a token whenever one is there, from 0 to 10 s inclusive, on a clock ticking in milliseconds.
        long taken = 0;
        for (int ms = 0; ms <= 10_000; ms++) {
            while (bucket.tryTake(1) == 0) {
                taken++;
            }
            nanos.addAndGet(1_000_000);
        }
        assertThat(taken).as("the whole bound, and not one token more").isEqualTo(40 + 20 * 10);
    }

    @Test
    void refusesABudgetThatCouldNeverRefill() {
        assertThatThrownBy(() -> new LocalTokenBucket(10, 0, Duration.ofSeconds(1), nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalTokenBucket(10, 1, Duration.ZERO, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
