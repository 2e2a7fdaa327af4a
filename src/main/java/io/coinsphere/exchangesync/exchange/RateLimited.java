package io.coinsphere.exchangesync.exchange;

import java.time.Duration;

/** The exchange asked us to slow down (429, Binance 418, Kraken throttling). */
public final class RateLimited extends ExchangeFailure {

    /** How long to wait when the exchange did not say. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final Duration retryAfter;
    private final boolean stated;

    public RateLimited(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RateLimited(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
        this.stated = retryAfter != null;
    }

    /** Whether the exchange said how long to wait (Retry-After, a ban's end, a throttle's end). */
    public boolean isRetryAfterStated() {
        return stated;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
