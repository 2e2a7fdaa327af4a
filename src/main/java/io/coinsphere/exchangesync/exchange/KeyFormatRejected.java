package io.coinsphere.exchangesync.exchange;

/**
 * A key that cannot be right, found before any call to the exchange: a field in the wrong shape.
 * The message says what a key of the exchange looks like; it never quotes the value.
 */
public final class KeyFormatRejected extends RuntimeException {

    private final String field;

    public KeyFormatRejected(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The request field at fault: {@code apiKey} or {@code apiSecret}. */
    public String field() {
        return field;
    }
}
