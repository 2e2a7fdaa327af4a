package io.coinsphere.exchangesync.connections;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A connection as the API shows it. SECURITY: carries no secret and no ciphertext, only the last
 * four characters of the key.
 */
public record ConnectionView(
        UUID id,
        String exchange,
        String label,
        String status,
        boolean syncing,
        OffsetDateTime lastSyncAt,
        String lastError,
        boolean autoSync,
        OffsetDateTime createdAt,
        int syncInterval,
        OffsetDateTime nextSyncAt,
        String apiKeyHint,
        int consecutiveFailures) {
}
