package io.coinsphere.exchangesync.exchange;

/** The exchange refused the key: retrying cannot help, the user must fix the key. */
public final class CredentialsRejected extends ExchangeFailure {

    /** The specific cause, so the API and the page can tell the user what to fix. */
    public enum Reason {
        UNKNOWN_KEY, BAD_SIGNATURE, BAD_PASSPHRASE, CLOCK_SKEW, MISSING_PERMISSION, IP_NOT_ALLOWED, KEY_VERSION, OTHER
    }

    private final Reason reason;

    public CredentialsRejected(Reason reason, String message) {
        this(reason, message, null);
    }

    public CredentialsRejected(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
