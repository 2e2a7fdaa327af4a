package io.coinsphere.exchangesync.exchange;

import java.util.Objects;

/**
 * Decrypted API credentials, held only for the duration of one exchange call.
 * SECURITY: {@link #toString()} never prints the secret or passphrase, so an accidental log line or
 * a Camel exchange dump cannot leak them.
 */
public record ApiCredentials(String apiKey, String apiSecret, String passphrase) {

    public ApiCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
    }

    /** The last four characters of the key, the only part ever shown to users. */
    public String keyHint() {
        return apiKey.length() <= 4 ? apiKey : apiKey.substring(apiKey.length() - 4);
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=..." + keyHint() + ", apiSecret=***, passphrase=" + (passphrase == null ? "none" : "***") + "]";
    }
}
