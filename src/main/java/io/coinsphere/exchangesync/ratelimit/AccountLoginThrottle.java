package io.coinsphere.exchangesync.ratelimit;

import io.coinsphere.exchangesync.auth.LoginThrottle;
import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link LoginThrottle} over the rate-limit buckets: one bucket per account email ({@code account-login}), in
 * memory or in PostgreSQL like the others. If the store fails, logins pass (as every other limit does).
 */
final class AccountLoginThrottle implements LoginThrottle {

    private final BucketStore store;
    private final Limit limit;
    private final Counter rejected;

    AccountLoginThrottle(BucketStore store, Limit limit, MeterRegistry meters) {
        this.store = store;
        this.limit = limit;
        this.rejected = meters.counter("coinsphere.ratelimit.rejected", "rule", "account-login");
    }

    @Override
    public Optional<Duration> charge(String email) {
        Quota quota;
        try {
            quota = store.take(key(email), limit);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (quota.allowed()) {
            return Optional.empty();
        }
        rejected.increment();
        return Optional.of(Duration.ofSeconds(quota.retryAfterSeconds()));
    }

    @Override
    public void refund(String email) {
        try {
            store.refund(key(email), limit);
        } catch (RuntimeException e) {
            // The attempt stays charged: at worst one right password counts as a failure.
        }
    }

    private String key(String email) {
        return "account-login:" + limit + ":" + (email == null ? "" : email);
    }
}
