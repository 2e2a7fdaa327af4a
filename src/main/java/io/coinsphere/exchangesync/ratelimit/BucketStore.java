package io.coinsphere.exchangesync.ratelimit;

import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;

/** Where the token buckets live; a bucket is created full on first use. */
public interface BucketStore {

    /** Takes one token from the bucket {@code key} (created with {@code limit} if new). */
    Quota take(String key, Limit limit);

    /** Gives one token back to the bucket {@code key} (never above its size); nothing if the bucket is gone. */
    void refund(String key, Limit limit);

    /** Whether the bucket {@code key} has a token left, without taking it. */
    Quota peek(String key, Limit limit);

    /**
     * Drops buckets that have refilled completely: such a bucket is indistinguishable from a new one, so
     * this frees memory or rows without changing any answer. Returns how many went.
     */
    int removeExpired();
}
