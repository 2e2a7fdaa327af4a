package io.coinsphere.exchangesync.exchange.guard;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exchange's clock as seen from here: our clock plus the measured offset to the exchange's
 * server time. Measured on first use, every {@code refresh}, and at once after the exchange rejects
 * a timestamp, when the request is retried once. Signed timestamps are taken from {@link #now()},
 * so a drifting server clock (or a skewed exchange) no longer fails syncs.
 */
public final class ServerClock {

    private static final Logger LOG = LoggerFactory.getLogger(ServerClock.class);

    private final ExchangeId exchange;
    private final LongSupplier serverMillis;
    private final long refreshMillis;
    private final LongSupplier localMillis;
    private volatile long offsetMillis;
    private volatile long measuredAt = Long.MIN_VALUE;

    /** @param serverMillis reads the exchange's time (one public request); may throw */
    public ServerClock(ExchangeId exchange, LongSupplier serverMillis, Duration refresh) {
        this(exchange, serverMillis, refresh, System::currentTimeMillis);
    }

    ServerClock(ExchangeId exchange, LongSupplier serverMillis, Duration refresh, LongSupplier localMillis) {
        this.exchange = exchange;
        this.serverMillis = serverMillis;
        this.refreshMillis = refresh.toMillis();
        this.localMillis = localMillis;
    }

    /** The exchange's current time in milliseconds, as well as we know it. */
    public long now() {
        long local = localMillis.getAsLong();
        if (measuredAt == Long.MIN_VALUE || local - measuredAt >= refreshMillis) {
            measure(false);
        }
        return localMillis.getAsLong() + offsetMillis;
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    /**
     * Runs a signed request; if the exchange says our timestamp is off, measures the offset again
     * and retries once. A second rejection goes to the caller: the clock really cannot be matched.
     */
    public <T> T retryOnSkew(Supplier<T> request) {
        try {
            return request.get();
        } catch (CredentialsRejected e) {
            if (e.reason() != CredentialsRejected.Reason.CLOCK_SKEW) {
                throw e;
            }
            measure(true);
            return request.get();
        }
    }

    private synchronized void measure(boolean force) {
        long before = localMillis.getAsLong();
        if (!force && measuredAt != Long.MIN_VALUE && before - measuredAt < refreshMillis) {
            return; // another thread measured while this one waited
        }
        try {
            long server = serverMillis.getAsLong();
            long after = localMillis.getAsLong();
            // The server read its clock somewhere during the round trip; the midpoint is the best guess.
            long offset = server - (before + after) / 2;
            if (Math.abs(offset - offsetMillis) >= 1_000) {
                LOG.info("{} clock differs from ours by {} ms; signed timestamps are corrected", exchange.displayName(), offset);
            }
            offsetMillis = offset;
        } catch (RuntimeException e) {
            // Keep the last offset: the time endpoint failing must not fail the sync itself.
            LOG.debug("{} server time could not be read: {}", exchange.displayName(), e.toString());
        }
        measuredAt = localMillis.getAsLong();
    }
}
