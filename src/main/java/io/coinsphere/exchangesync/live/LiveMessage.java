package io.coinsphere.exchangesync.live;

import io.coinsphere.exchangesync.sync.SyncEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The {@code sync} event as the page receives it: the sync event without the user id, which the
 * reader already knows. Never carries a secret.
 */
public record LiveMessage(UUID connectionId, String exchange, String status, OffsetDateTime syncedAt,
        List<SyncEvent.Asset> assets, String error) {

    static LiveMessage of(SyncEvent event) {
        return new LiveMessage(event.connectionId(), event.exchange(), event.status(), event.syncedAt(),
                event.assets() == null ? List.of() : List.copyOf(event.assets()), event.error());
    }
}
