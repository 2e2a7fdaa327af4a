package io.coinsphere.exchangesync.exchange.guard;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every request to one exchange goes through here, whichever route or thread makes it: the circuit
 * breaker, then any Retry-After pause, then the rate budget, waiting (up to a limit) rather than
 * calling over it. One instance per exchange, so a slow or failing exchange never holds up the others.
 */
public final class ExchangeGuard {

    /** Per-key buckets beyond this many are pruned of idle (full) ones. */
    private static final int PRUNE_ABOVE = 10_000;
    private static final Duration UNSTATED_PAUSE = Duration.ofSeconds(5);

    private final ExchangeId exchange;
    private final ExchangesProperties.Budget budget;
    private final long maxWaitNanos;
    private final LongSupplier nanoClock;
    private final CircuitBreaker breaker;
    private final RateBucket sharedBucket;
    private final Map<String, LocalTokenBucket> keyBuckets = new ConcurrentHashMap<>();
    private final Map<String, Long> keyPauses = new ConcurrentHashMap<>();
    private final GuardStats stats = new GuardStats();
    private volatile long pausedUntil;

    public ExchangeGuard(ExchangeId exchange, ExchangesProperties properties) {
        this(exchange, properties.budget(exchange), properties.circuitBreaker(), properties.maxBudgetWait(), System::nanoTime);
    }

    /** With {@code shared}, the bucket every instance draws from, for a per-address budget shared by the instances. */
    ExchangeGuard(ExchangeId exchange, ExchangesProperties properties, RateBucket shared) {
        this(exchange, properties.budget(exchange), properties.circuitBreaker(), properties.maxBudgetWait(), System::nanoTime, shared);
    }

    ExchangeGuard(ExchangeId exchange, ExchangesProperties.Budget budget, ExchangesProperties.CircuitBreaker breaker,
            Duration maxWait, LongSupplier nanoClock) {
        this(exchange, budget, breaker, maxWait, nanoClock, null);
    }

    private ExchangeGuard(ExchangeId exchange, ExchangesProperties.Budget budget, ExchangesProperties.CircuitBreaker breaker,
            Duration maxWait, LongSupplier nanoClock, RateBucket shared) {
        this.exchange = exchange;
        this.budget = budget;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoClock = nanoClock;
        this.breaker = new CircuitBreaker(breaker.failures(), breaker.openFor(), nanoClock);
        this.sharedBucket = budget.perKey() ? null : shared != null ? shared : newBucket();
        this.pausedUntil = nanoClock.getAsLong();
    }

    /**
     * Runs one request costing {@code cost} budget units (Binance request weight, else 1). The call
     * must throw only our translated failures, which this records: outages (5xx, timeouts, refused
     * connections) feed the breaker; a rate limit pauses the key where the exchange limits per key or
     * account, the exchange where it limits per address (the budget's {@code perKey}); any other answer,
     * a key's own failure included, shows the exchange is up.
     */
    public <T> T call(String apiKey, long cost, Supplier<T> call) {
        long blocked = breaker.blockedFor();
        if (blocked > 0) {
            stats.refuse(GuardStats.Refusal.CIRCUIT_OPEN);
            throw new ExchangeUnavailable(exchange.displayName() + " failed repeatedly, so calls to it are paused for "
                    + seconds(blocked) + " s; the sync will retry later.");
        }
        waitForPause(apiKey);
        takeBudget(apiKey, cost);
        try {
            T result = call.get();
            breaker.succeeded();
            return result;
        } catch (RateLimited e) {
            // Without a stated wait, a short pause: the budget already spaces the next calls.
            pause(e.isWholeAddress() ? null : apiKey, e.isRetryAfterStated() ? e.retryAfter() : UNSTATED_PAUSE);
            throw e;
        } catch (ExchangeUnavailable e) {
            // SECURITY (availability): one user's key must not stop the exchange for everyone, so only an outage counts.
            if (e.isOutage()) {
                breaker.failed();
            } else {
                breaker.succeeded();
            }
            throw e;
        } catch (CredentialsRejected e) {
            breaker.succeeded();
            throw e;
        }
    }

    /** Whether the breaker is open; for tests and health. */
    public boolean isCircuitOpen() {
        return breaker.isOpen();
    }

    /** 0 closed, 1 open, 2 half-open. */
    public int circuitState() {
        return breaker.state();
    }

    public GuardStats stats() {
        return stats;
    }

    /** How long calls with {@code apiKey} are still paused by a rate limit (the key's or the exchange's); for health and tests. */
    public Duration pausedFor(String apiKey) {
        long until = pausedUntil;
        Long keyUntil = apiKey == null ? null : keyPauses.get(apiKey);
        if (keyUntil != null) {
            until = Math.max(until, keyUntil);
        }
        return Duration.ofNanos(Math.max(0, until - nanoClock.getAsLong()));
    }

    /** Database round trips for budget where instances share it (one per batch of tokens); 0 otherwise. */
    public long budgetRoundTrips() {
        return sharedBucket instanceof SharedTokenBucket shared ? shared.roundTrips() : 0;
    }

    /** The budget's capacity in units (per key where budgets are per key). */
    public long budgetCapacity() {
        return budget.capacity();
    }

    /**
     * Share of the budget in use right now: of the shared bucket, or of the busiest key's bucket where
     * budgets are per key (the key that will be the first to wait).
     */
    public double budgetUsed() {
        if (sharedBucket != null) {
            return sharedBucket.used();
        }
        double max = 0;
        for (LocalTokenBucket bucket : keyBuckets.values()) {
            max = Math.max(max, bucket.used());
        }
        return max;
    }

    /**
     * Stops calls for {@code retryAfter}: only the key's where the exchange limits per key or account (Coinbase,
     * Kraken, KuCoin), so one user's 429 delays nobody else; the whole exchange where it limits per address
     * (Binance: every key shares this server's address, so the next call of any key would be refused too), and
     * with a null key (an address blocked where the exchange otherwise limits per key, Bybit's 403).
     */
    void pause(String apiKey, Duration retryAfter) {
        long now = nanoClock.getAsLong();
        long until = now + retryAfter.toNanos();
        if (budget.perKey() && apiKey != null) {
            if (keyPauses.size() > PRUNE_ABOVE) {
                keyPauses.values().removeIf(end -> end - now <= 0);
            }
            keyPauses.merge(apiKey, until, Math::max);
        } else {
            synchronized (this) {
                pausedUntil = Math.max(pausedUntil, until);
            }
        }
    }

    private void waitForPause(String apiKey) {
        long until = pausedUntil;
        Long keyUntil = apiKey == null ? null : keyPauses.get(apiKey);
        if (keyUntil != null) {
            until = Math.max(until, keyUntil);
        }
        long wait = until - nanoClock.getAsLong();
        if (wait <= 0) {
            if (keyUntil != null) {
                keyPauses.remove(apiKey, keyUntil);
            }
            return;
        }
        if (wait > maxWaitNanos) {
            stats.refuse(GuardStats.Refusal.PAUSE);
            throw new RateLimited(exchange.displayName() + " asked us to pause for " + seconds(wait)
                    + " s (rate limit); the sync will retry after that.", Duration.ofNanos(wait));
        }
        sleep(wait);
        stats.waited(wait);
    }

    private void takeBudget(String apiKey, long cost) {
        RateBucket bucket = bucketFor(apiKey);
        long waited = 0;
        while (true) {
            long wait = bucket.tryTake(cost);
            if (wait == 0) {
                stats.took(cost);
                if (waited > 0) {
                    stats.waited(waited);
                }
                return;
            }
            if (waited + wait > maxWaitNanos) {
                stats.refuse(GuardStats.Refusal.BUDGET);
                throw new RateLimited("Our request budget for " + exchange.displayName()
                        + " is used up for now; the sync will retry shortly.", Duration.ofNanos(wait));
            }
            sleep(wait);
            waited += wait;
        }
    }

    private RateBucket bucketFor(String apiKey) {
        if (sharedBucket != null) {
            return sharedBucket;
        }
        if (keyBuckets.size() > PRUNE_ABOVE) {
            keyBuckets.values().removeIf(LocalTokenBucket::isFull);
        }
        return keyBuckets.computeIfAbsent(apiKey == null ? "" : apiKey, k -> newBucket());
    }

    private LocalTokenBucket newBucket() {
        return new LocalTokenBucket(budget.capacity(), budget.refill(), budget.period(), nanoClock);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("The call was interrupted while waiting for the rate budget; the sync will retry later.");
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }
}
