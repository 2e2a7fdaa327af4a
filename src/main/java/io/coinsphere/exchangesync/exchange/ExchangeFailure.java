package io.coinsphere.exchangesync.exchange;

/**
 * Why a call to an exchange failed. The message is a human sentence safe to store in
 * {@code last_error} and return to the user: it never contains a secret, a signature or a stack trace.
 */
public abstract sealed class ExchangeFailure extends RuntimeException
        permits CredentialsRejected, ExchangeUnavailable, RateLimited {

    protected ExchangeFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** Transient failures are retried with backoff; the others need the user to act. */
    public abstract boolean isTransient();
}
