package io.coinsphere.exchangesync.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What happened in one finished sync, published after its database transaction committed:
 * for live updates of the page and for downstream consumers. Never carries a secret.
 */
public record SyncEvent(UUID connectionId, UUID userId, String exchange, String status, OffsetDateTime syncedAt,
        List<Asset> assets, String error) {

    /** One asset's new total on the connection, as an exact decimal string. */
    public record Asset(String symbol, String total) {
    }
}
