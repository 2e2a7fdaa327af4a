package io.coinsphere.exchangesync.ratelimit;

import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket4j local buckets in a bounded map, for a single instance (the default). A bucket leaves the map once
 * it has refilled completely (see {@link #removeExpired()}); if the map is still full, the buckets that refill
 * soonest go first, so many addresses cannot make the map grow without bound.
 */
public final class MemoryBucketStore implements BucketStore {

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final TimeMeter clock;
    private final int maxBuckets;

    public MemoryBucketStore(int maxBuckets) {
        this(maxBuckets, TimeMeter.SYSTEM_NANOTIME);
    }

    MemoryBucketStore(int maxBuckets, TimeMeter clock) {
        this.maxBuckets = maxBuckets;
        this.clock = clock;
    }

    private static final class Entry {
        final Bucket bucket;
        /** Clock time at which the bucket is full again; from then on it equals a new one. */
        volatile long fullAtNanos;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    @Override
    public Quota take(String key, Limit limit) {
        Entry entry = buckets.get(key);
        if (entry == null) {
            if (buckets.size() >= maxBuckets) {
                makeRoom();
            }
            entry = buckets.computeIfAbsent(key, k -> new Entry(
                    Bucket.builder().addLimit(Quota.bandwidth(limit)).withCustomTimePrecision(clock).build()));
        }
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        entry.fullAtNanos = clock.currentTimeNanos() + probe.getNanosToWaitForReset();
        return Quota.of(probe, limit);
    }

    @Override
    public void refund(String key, Limit limit) {
        Entry entry = buckets.get(key);
        if (entry != null) {
            entry.bucket.addTokens(1);
        }
    }

    @Override
    public Quota peek(String key, Limit limit) {
        Entry entry = buckets.get(key);
        return entry == null
                ? new Quota(true, limit.requests(), limit.requests(), 0, 0)
                : Quota.of(entry.bucket.estimateAbilityToConsume(1), limit);
    }

    @Override
    public int removeExpired() {
        long now = clock.currentTimeNanos();
        int before = buckets.size();
        buckets.values().removeIf(entry -> entry.fullAtNanos <= now);
        return Math.max(0, before - buckets.size());
    }

    int size() {
        return buckets.size();
    }

    /** Full map: drop refilled buckets; if that is not enough, the tenth of buckets closest to full. */
    private synchronized void makeRoom() {
        if (buckets.size() < maxBuckets || removeExpired() > 0 && buckets.size() < maxBuckets) {
            return;
        }
        buckets.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().fullAtNanos))
                .limit(Math.max(1, maxBuckets / 10))
                .map(Map.Entry::getKey)
                .toList()
                .forEach(buckets::remove);
    }
}
