package io.coinsphere.exchangesync.exchange;

/** Network error, timeout, 5xx or an unreadable answer: worth retrying later. */
public final class ExchangeUnavailable extends ExchangeFailure {

    public ExchangeUnavailable(String message) {
        this(message, null);
    }

    public ExchangeUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
