package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.util.UUID;

/** One sync in progress, with its decrypted credentials. Lives only in the worker's memory. */
record SyncJob(UUID connectionId, UUID userId, UUID portfolioId, ExchangeId exchange, ApiCredentials credentials) {

    @Override
    public String toString() {
        // SECURITY: ApiCredentials#toString masks the secret; this keeps it that way in any dump.
        return "SyncJob[connection=" + connectionId + ", exchange=" + exchange.id() + ", " + credentials + "]";
    }
}
