package io.coinsphere.exchangesync.exchange;

import java.time.Duration;

/** The exchange asked us to slow down (429, Binance 418, Kraken throttling). */
public final class RateLimited extends ExchangeFailure {

    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RateLimited(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter == null ? Duration.ofSeconds(60) : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
