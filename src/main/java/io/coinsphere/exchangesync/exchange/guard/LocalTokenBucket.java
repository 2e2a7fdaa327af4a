package io.coinsphere.exchangesync.exchange.guard;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A budget of this instance only: a Bucket4j bucket of {@code capacity} tokens, {@code refill} tokens per {@code period}
 * refilled greedily (each token as soon as it is due, so a continuous refill), read on the guard's nanosecond clock.
 * Over any interval T it lets at most {@code capacity + refill * T / period} through, which is what keeps us under an
 * exchange's window.
 */
final class LocalTokenBucket implements RateBucket {

    private final long capacity;
    private final Bucket bucket;

    LocalTokenBucket(long capacity, long refill, Duration period, LongSupplier nanoClock) {
        if (capacity < 1 || refill < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a budget needs capacity >= 1, refill >= 1 and a positive period");
        }
        this.capacity = capacity;
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build())
                .withCustomTimePrecision(new NanoClock(nanoClock))
                .build();
    }

    @Override
    public long tryTake(long cost) {
        if (cost < 1) {
            return 0; // Bucket4j refuses to consume nothing; a free call needs no token
        }
        // Bucket4j would refuse a cost above the capacity for ever; capped, such a call waits for a full bucket instead.
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(Math.min(cost, capacity));
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    @Override
    public double used() {
        return Math.max(0, (double) (capacity - bucket.getAvailableTokens()) / capacity);
    }

    /** A full bucket has been idle long enough to be forgotten. */
    boolean isFull() {
        return bucket.getAvailableTokens() >= capacity;
    }

    /** The guard's clock (a test's hand-moved one, else {@link System#nanoTime()}) as Bucket4j's time source. */
    private record NanoClock(LongSupplier nanos) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return nanos.getAsLong();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
