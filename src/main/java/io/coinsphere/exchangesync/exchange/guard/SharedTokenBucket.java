package io.coinsphere.exchangesync.exchange.guard;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * An exchange's budget shared by every instance on the database ({@code coinsphere.exchanges.<id>.budget.shared}):
 * one Bucket4j bucket in PostgreSQL (row {@code exchange-budget:<id>} of {@code rate_limit_buckets}, taken with
 * {@code SELECT ... FOR UPDATE}). The hot path stays cheap: an instance takes a batch of tokens at a time (a hundredth
 * of the refill, or the request's cost if more) and spends it locally, one database round trip per batch; a refusal
 * costs one round trip too (two when less than a batch but enough for the request is left), its wait computed here
 * from the refill rate.
 * <p>
 * A batch is spent within {@code period / 50} or dropped, so tokens used in any window of one period are at most
 * {@code capacity + refill * 1.02}: the tokens taken in that window plus those taken in the 2 % before it. The
 * defaults of the registry leave more room than that under each exchange's limit. A batch is half of what the whole
 * budget refills in that time, so an instance doing a good share of the calls spends it before it expires.
 */
final class SharedTokenBucket implements RateBucket {

    static final String TABLE = "rate_limit_buckets";
    static final String KEY_PREFIX = "exchange-budget:";
    private static final long HOLD_DIVISOR = 50;
    private static final long BATCH_DIVISOR = 100;

    private final ExchangeId exchange;
    private final BucketProxy bucket;
    private final long capacity;
    private final long batch;
    private final long maxHoldNanos;
    private final double nanosPerToken;
    private final LongSupplier nanoClock;
    private final LongAdder roundTrips = new LongAdder();
    private long held;
    private long heldAt;
    /** After a refusal, this instance's threads wait out its time here instead of each asking the database again. */
    private long refusedUntil;
    private volatile long lastRemaining;

    SharedTokenBucket(ExchangeId exchange, ExchangesProperties.Budget budget, PostgreSQLSelectForUpdateBasedProxyManager<String> buckets,
            LongSupplier nanoClock) {
        this.exchange = exchange;
        this.capacity = budget.capacity();
        this.batch = Math.max(1, Math.min(budget.capacity(), budget.refill() / BATCH_DIVISOR));
        this.nanosPerToken = (double) budget.period().toNanos() / budget.refill();
        this.maxHoldNanos = budget.period().toNanos() / HOLD_DIVISOR;
        this.nanoClock = nanoClock;
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity()).refillGreedy(budget.refill(), budget.period()).build())
                .build();
        // A changed budget replaces the stored one at the next take, keeping the share of tokens it had.
        long version = Math.abs((long) Objects.hash(budget.capacity(), budget.refill(), budget.period()));
        this.bucket = buckets.builder().withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.PROPORTIONALLY)
                .build(KEY_PREFIX + exchange.id(), () -> configuration);
        this.lastRemaining = capacity;
    }

    /** The proxy manager over the table of shared buckets; rows expire (and may be deleted) once full again. */
    static PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public synchronized long tryTake(long cost) {
        long wanted = Math.min(cost, capacity);
        long now = nanoClock.getAsLong();
        if (now - heldAt > maxHoldNanos) {
            held = 0; // too old to spend without going over the window's bound
        }
        if (held >= wanted) {
            held -= wanted;
            return 0;
        }
        long need = wanted - held;
        if (now - refusedUntil < 0) {
            return refusedUntil - now;
        }
        long take = Math.min(capacity, Math.max(need, batch));
        ConsumptionProbe probe = consume(take);
        if (!probe.isConsumed() && take > need && probe.getRemainingTokens() >= need) {
            probe = consume(need); // less than a batch left, but enough for this request
            take = need;
        }
        if (!probe.isConsumed()) {
            // Refilled greedily: the request fits once the missing tokens have come back (the batch is not waited for).
            long missing = Math.max(1, need - probe.getRemainingTokens());
            long wait = Math.max(1, (long) Math.ceil(missing * nanosPerToken));
            refusedUntil = now + wait;
            return wait;
        }
        // Every token held before went into this request, so what is left is all from this take.
        held = take - need;
        heldAt = now;
        return 0;
    }

    @Override
    public double used() {
        return Math.max(0, (double) (capacity - lastRemaining) / capacity);
    }

    /** Database round trips so far (one per batch taken or refused). */
    long roundTrips() {
        return roundTrips.sum();
    }

    private ConsumptionProbe consume(long tokens) {
        roundTrips.increment();
        try {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
            lastRemaining = probe.getRemainingTokens();
            return probe;
        } catch (RuntimeException e) {
            throw new ExchangeUnavailable("The request budget for " + exchange.displayName()
                    + " shared by the instances could not be read from the database; the sync will retry later.", e);
        }
    }
}
