package io.coinsphere.exchangesync.exchange;

import java.time.Duration;

/** The exchange asked us to slow down (429, Binance 418, Kraken throttling). */
public final class RateLimited extends ExchangeFailure {

    /** How long to wait when the exchange did not say. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final Duration retryAfter;
    private final boolean stated;
    private final boolean wholeAddress;

    public RateLimited(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RateLimited(String message, Duration retryAfter, Throwable cause) {
        this(message, retryAfter, cause, false);
    }

    private RateLimited(String message, Duration retryAfter, Throwable cause, boolean wholeAddress) {
        super(message, cause);
        this.retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
        this.stated = retryAfter != null;
        this.wholeAddress = wholeAddress;
    }

    /**
     * The exchange blocked this server's address (Bybit's 403 over 600 requests per 5 s), even where it otherwise
     * limits per key: every key must wait, not only the one that got the answer.
     */
    public static RateLimited wholeAddress(String message, Duration retryAfter) {
        return new RateLimited(message, retryAfter, null, true);
    }

    /** Whether the limit hit is this server's address rather than one key's. */
    public boolean isWholeAddress() {
        return wholeAddress;
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
