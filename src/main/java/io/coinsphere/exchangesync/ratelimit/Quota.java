package io.coinsphere.exchangesync.ratelimit;

import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * One bucket's answer to one request, as the RateLimit-* headers report it.
 *
 * @param allowed           whether the request took a token
 * @param limit             the bucket's size
 * @param remaining         tokens left after this request
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds for a refused request: seconds until one token is back; 0 when allowed
 */
public record Quota(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static Quota of(ConsumptionProbe probe, Limit limit) {
        return new Quota(probe.isConsumed(), limit.requests(), Math.max(0, probe.getRemainingTokens()),
                seconds(probe.getNanosToWaitForReset()), probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    static Quota of(EstimationProbe probe, Limit limit) {
        long remaining = Math.max(0, probe.getRemainingTokens());
        // Greedy refill: each missing token takes period / requests to come back.
        long reset = seconds(limit.period().toNanos() / limit.requests() * (limit.requests() - remaining));
        return new Quota(probe.canBeConsumed(), limit.requests(), remaining, reset,
                probe.canBeConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** A bucket of {@code requests} tokens refilled evenly ("greedily") over the period, so there is no burst at a window edge. */
    static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build();
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    /** Whole seconds, rounded up: a client that waits this long is never early. */
    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** Of two buckets a request drew from, the one to report: the refused one, else the one with fewer tokens left. */
    static Quota tighter(Quota a, Quota b) {
        if (a == null) {
            return b;
        }
        if (a.allowed() != b.allowed()) {
            return a.allowed() ? b : a;
        }
        if (a.remaining() != b.remaining()) {
            return a.remaining() < b.remaining() ? a : b;
        }
        return a.resetSeconds() >= b.resetSeconds() ? a : b;
    }
}
