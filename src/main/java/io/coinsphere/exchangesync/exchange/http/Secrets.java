package io.coinsphere.exchangesync.exchange.http;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.util.function.Supplier;

/** What a key's parts must be before a request is signed with them: the user's to fix, never retried. */
public final class Secrets {

    private Secrets() {
    }

    /** Fails fast when an exchange that needs a passphrase gets none, instead of a confusing 401. */
    public static String requirePassphrase(ExchangeId id, ApiCredentials credentials) {
        String passphrase = credentials.passphrase();
        if (passphrase == null || passphrase.isEmpty()) {
            throw new CredentialsRejected(CredentialsRejected.Reason.BAD_PASSPHRASE,
                    id.displayName() + " needs the API passphrase chosen when the key was created: add it to the connection.");
        }
        return passphrase;
    }

    /**
     * A signature from {@code signer}. A secret that is not even a valid key (not base64 where the exchange issues
     * base64) makes the signer throw: the user must paste it again.
     */
    public static String sign(ExchangeId id, Supplier<String> signer) {
        try {
            return signer.get();
        } catch (IllegalArgumentException e) {
            // SECURITY: the cause message may quote part of the secret; it is not attached.
            throw new CredentialsRejected(CredentialsRejected.Reason.BAD_SIGNATURE,
                    id.displayName() + " API secret is not in the format " + id.displayName()
                            + " issues: paste the secret again exactly as shown when the key was created.");
        }
    }
}
