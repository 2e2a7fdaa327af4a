package io.coinsphere.exchangesync.exchange.http;

import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuard;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.guard.ServerClock;
import java.util.function.Supplier;

/**
 * Base of an adapter that signs timestamped requests: the exchange's budget and circuit breaker, and its clock.
 * Every signed call goes through {@link #signed}: budgeted, timestamped on the exchange's clock ({@link #now()}),
 * and retried once after the clock is measured again if the exchange rejects the time. A subclass says how to read
 * the exchange's time and how to send a request ({@link SignedHttpAdapter}).
 */
public abstract class SignedAdapter implements ExchangeAdapter {

    private final ExchangeId id;
    private final ExchangeGuard guard;
    private final ServerClock clock;

    protected SignedAdapter(ExchangeId id, ExchangesProperties properties, ExchangeGuards guards) {
        this.id = id;
        this.guard = guards.of(id);
        // Read lazily on the first signed call, when the subclass's fields are set.
        this.clock = new ServerClock(id, this::serverTime, properties.clockRefresh());
    }

    @Override
    public final ExchangeId exchange() {
        return id;
    }

    /** The exchange's time in milliseconds, from one public request; called by the clock, may throw. */
    protected abstract long serverTime();

    /** One signed request for {@code budgetKey} (the API key, or what the exchange counts by) costing one token. */
    protected final <T> T signed(String budgetKey, Supplier<T> request) {
        return signed(budgetKey, 1, request);
    }

    /** One signed request costing {@code weight} tokens (Binance weighs its endpoints). */
    protected final <T> T signed(String budgetKey, int weight, Supplier<T> request) {
        return clock.retryOnSkew(() -> guard.call(budgetKey, weight, request));
    }

    /** The exchange's current time in milliseconds, as measured; signed timestamps are taken from it. */
    protected final long now() {
        return clock.now();
    }
}
