package io.coinsphere.exchangesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryBucketStoreTest {

    private static final Limit THREE_PER_MINUTE = new Limit(3, Duration.ofMinutes(1));

    /** A clock the test moves by hand. */
    private static final class ManualClock implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration by) {
            nanos += by.toNanos();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final MemoryBucketStore store = new MemoryBucketStore(100, clock);

    @Test
    void aBucketAllowsItsLimitThenRefusesWithRetryAfterAndReset() {
        assertThat(store.take("a", THREE_PER_MINUTE)).isEqualTo(new Quota(true, 3, 2, 20, 0));
        assertThat(store.take("a", THREE_PER_MINUTE).remaining()).isEqualTo(1);
        assertThat(store.take("a", THREE_PER_MINUTE)).isEqualTo(new Quota(true, 3, 0, 60, 0));

        // One token comes back every 20 s (greedy refill); the bucket is full again after 60 s.
        assertThat(store.take("a", THREE_PER_MINUTE)).isEqualTo(new Quota(false, 3, 0, 60, 20));
        assertThat(store.take("b", THREE_PER_MINUTE).allowed()).as("another key, another bucket").isTrue();
    }

    @Test
    void tokensComeBackOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            store.take("a", THREE_PER_MINUTE);
        }
        clock.advance(Duration.ofSeconds(19));
        Quota early = store.take("a", THREE_PER_MINUTE);
        assertThat(early.allowed()).isFalse();
        assertThat(early.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.take("a", THREE_PER_MINUTE).allowed()).isTrue();
    }

    @Test
    void peekingTakesNothingAndCreatesNothing() {
        assertThat(store.peek("a", THREE_PER_MINUTE)).isEqualTo(new Quota(true, 3, 3, 0, 0));
        assertThat(store.size()).isZero();
        for (int i = 0; i < 3; i++) {
            store.take("a", THREE_PER_MINUTE);
        }
        assertThat(store.peek("a", THREE_PER_MINUTE)).isEqualTo(new Quota(false, 3, 0, 60, 20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.peek("a", THREE_PER_MINUTE)).isEqualTo(new Quota(true, 3, 1, 40, 0));
        assertThat(store.peek("a", THREE_PER_MINUTE).remaining()).as("still there").isEqualTo(1);
    }

    @Test
    void refilledBucketsAreDroppedAndOthersKept() {
        // One token taken comes back after 20 s.
        store.take("idle", THREE_PER_MINUTE);
        clock.advance(Duration.ofSeconds(30));
        store.take("busy", THREE_PER_MINUTE);
        clock.advance(Duration.ofSeconds(10));

        assertThat(store.removeExpired()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
        // The busy bucket still remembers its request.
        assertThat(store.take("busy", THREE_PER_MINUTE).remaining()).isEqualTo(1);
    }

    @Test
    void aFullMapMakesRoomByDroppingTheBucketsClosestToFull() {
        MemoryBucketStore small = new MemoryBucketStore(100, clock);
        for (int i = 0; i < 100; i++) {
            small.take("k" + i, THREE_PER_MINUTE);
            clock.advance(Duration.ofMillis(10));
        }
        small.take("newcomer", THREE_PER_MINUTE);

        assertThat(small.size()).isLessThanOrEqualTo(100);
        // The oldest buckets went; the newest still count their request.
        assertThat(small.take("k99", THREE_PER_MINUTE).remaining()).isEqualTo(1);
        assertThat(small.take("k0", THREE_PER_MINUTE).remaining()).isEqualTo(2);
    }

    @Test
    void theReportedQuotaIsTheRefusedOrTighterOne() {
        Quota roomy = new Quota(true, 100, 90, 60, 0);
        Quota tight = new Quota(true, 10, 2, 30, 0);
        Quota refused = new Quota(false, 10, 0, 60, 6);
        assertThat(Quota.tighter(null, roomy)).isEqualTo(roomy);
        assertThat(Quota.tighter(roomy, tight)).isEqualTo(tight);
        assertThat(Quota.tighter(tight, roomy)).isEqualTo(tight);
        assertThat(Quota.tighter(tight, refused)).isEqualTo(refused);
    }
}
