package io.coinsphere.exchangesync.ratelimit;

import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Buckets in the {@code rate_limit_buckets} table (Bucket4j's PostgreSQL proxy manager), shared by every
 * instance on the database: one row per bucket, taken with {@code SELECT ... FOR UPDATE} for each request,
 * so instances never hand out the same token twice.
 */
public final class PostgresBucketStore implements BucketStore {

    static final String TABLE = "rate_limit_buckets";
    private static final int DELETE_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public PostgresBucketStore(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                // A row expires once its bucket has refilled completely; removeExpired() deletes it.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public Quota take(String key, Limit limit) {
        return Quota.of(buckets.builder().build(key, () -> Quota.configuration(limit)).tryConsumeAndReturnRemaining(1), limit);
    }

    @Override
    public void refund(String key, Limit limit) {
        buckets.builder().build(key, () -> Quota.configuration(limit)).addTokens(1);
    }

    @Override
    public Quota peek(String key, Limit limit) {
        return Quota.of(buckets.builder().build(key, () -> Quota.configuration(limit)).estimateAbilityToConsume(1), limit);
    }

    @Override
    public int removeExpired() {
        int total = 0;
        int removed;
        do {
            removed = buckets.removeExpired(DELETE_BATCH);
            total += removed;
        } while (removed == DELETE_BATCH);
        return total;
    }
}
