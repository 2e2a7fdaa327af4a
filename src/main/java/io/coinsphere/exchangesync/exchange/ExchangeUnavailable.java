package io.coinsphere.exchangesync.exchange;

/**
 * Network error, timeout, 5xx or an unreadable answer: worth retrying later. Only an {@link #outage} (5xx, timeout,
 * refused or broken connection) says the exchange itself is down and counts towards its circuit breaker; any
 * other failure may be one key's (a Kraken nonce race, an odd answer for one account) and must not stop the
 * exchange for every user.
 */
public final class ExchangeUnavailable extends ExchangeFailure {

    private final boolean outage;

    public ExchangeUnavailable(String message) {
        this(message, null);
    }

    public ExchangeUnavailable(String message, Throwable cause) {
        this(message, cause, false);
    }

    private ExchangeUnavailable(String message, Throwable cause, boolean outage) {
        super(message, cause);
        this.outage = outage;
    }

    /** The exchange as a whole failed (5xx, timeout, connection refused): feeds its circuit breaker. */
    public static ExchangeUnavailable outage(String message, Throwable cause) {
        return new ExchangeUnavailable(message, cause, true);
    }

    public boolean isOutage() {
        return outage;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
