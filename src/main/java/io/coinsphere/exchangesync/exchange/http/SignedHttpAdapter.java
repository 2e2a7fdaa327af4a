package io.coinsphere.exchangesync.exchange.http;

import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuard;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.guard.ServerClock;
import java.util.function.Supplier;

/**
 * Base of an adapter that signs its own requests to an exchange's REST API: the exchange's HTTP round trip, its
 * budget and circuit breaker, and its clock. Every signed call goes through {@link #signed}: budgeted, timestamped
 * on the exchange's clock, and retried once after the clock is measured again if the exchange rejects the time.
 * A subclass adds its signature, endpoints and JSON mapping, and says how to read the exchange's time.
 */
public abstract class SignedHttpAdapter implements ExchangeAdapter {

    private final ExchangeId id;
    private final ExchangeHttp http;
    private final ExchangeGuard guard;
    private final ServerClock clock;

    protected SignedHttpAdapter(ExchangeId id, ExchangesProperties properties, ExchangeGuards guards) {
        this.id = id;
        this.http = new ExchangeHttp(id, properties);
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

    /** One signed request for {@code budgetKey} (the API key, or what the exchange counts by). */
    protected final <T> T signed(String budgetKey, Supplier<T> request) {
        return clock.retryOnSkew(() -> guard.call(budgetKey, 1, request));
    }

    /** The exchange's current time in milliseconds, as measured; signed timestamps are taken from it. */
    protected final long now() {
        return clock.now();
    }

    protected final ExchangeHttp http() {
        return http;
    }
}
