package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionStatusCountsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void queriesAtMostOncePerRefreshIntervalHoweverOftenItIsRead() {
        AtomicInteger queries = new AtomicInteger();
        ManualClock clock = new ManualClock();
        ConnectionStatusCounts counts = new ConnectionStatusCounts(() -> {
            queries.incrementAndGet();
            return Map.of("active", 7L, "error", (long) queries.get());
        }, Duration.ofSeconds(30), clock);

        assertThat(counts.count("active")).isEqualTo(7);
        assertThat(counts.count("error")).isEqualTo(1);
        assertThat(counts.count("disabled")).isZero();
        clock.now = clock.now.plusSeconds(29);
        assertThat(counts.count("error")).isEqualTo(1);
        assertThat(queries).hasValue(1);

        clock.now = clock.now.plusSeconds(1);
        assertThat(counts.count("error")).isEqualTo(2);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailingQueryKeepsTheLastCounts() {
        AtomicInteger calls = new AtomicInteger();
        ManualClock clock = new ManualClock();
        ConnectionStatusCounts counts = new ConnectionStatusCounts(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("database away");
            }
            return Map.of("active", 3L);
        }, Duration.ofSeconds(1), clock);
        assertThat(counts.count("active")).isEqualTo(3);
        clock.now = clock.now.plusSeconds(5);
        assertThat(counts.count("active")).isEqualTo(3);
    }
}
