package io.coinsphere.exchangesync.connections;

import java.util.UUID;

/** A connection about to be stored; the credential fields are already encrypted envelopes. */
public record NewConnection(
        UUID id,
        UUID userId,
        String exchange,
        String label,
        String apiKeyEncrypted,
        String apiSecretEncrypted,
        String passphraseEncrypted,
        String apiKeyFingerprint,
        String apiKeyHint) {
}
