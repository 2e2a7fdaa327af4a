package io.coinsphere.exchangesync.exchange.guard;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket on a nanosecond clock: {@code capacity} tokens at most, {@code refill} tokens per
 * {@code period}, refilled continuously. Over any interval T it lets at most
 * {@code capacity + refill * T / period} through, which is what keeps us under an exchange's window.
 */
final class TokenBucket implements RateBucket {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long updatedAt;

    TokenBucket(long capacity, long refill, Duration period, LongSupplier nanoClock) {
        if (capacity < 1 || refill < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a budget needs capacity >= 1, refill >= 1 and a positive period");
        }
        this.capacity = capacity;
        this.tokensPerNano = (double) refill / period.toNanos();
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.updatedAt = nanoClock.getAsLong();
    }

    /**
     * Takes {@code cost} tokens if there are enough and returns 0; otherwise takes nothing and
     * returns how many nanoseconds until there will be. A cost above the capacity is capped to it.
     */
    @Override
    public synchronized long tryTake(long cost) {
        refill();
        double wanted = Math.min(cost, capacity);
        if (tokens >= wanted) {
            tokens -= wanted;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((wanted - tokens) / tokensPerNano));
    }

    /** Share of the capacity spent and not yet refilled: 0 idle, 1 exhausted. */
    @Override
    public synchronized double used() {
        refill();
        return Math.max(0, (capacity - tokens) / capacity);
    }

    long capacity() {
        return (long) capacity;
    }

    /** A full bucket has been idle long enough to be forgotten. */
    synchronized boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
        updatedAt = now;
    }
}
