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

    /** Status of the market-wide event that says new prices are in (no user, no connection). */
    public static final String PRICES = "prices";

    /** New prices were stored: every user's portfolio value may have changed. Carries nothing of any user. */
    public static SyncEvent pricesRefreshed(OffsetDateTime at) {
        return new SyncEvent(null, null, null, PRICES, at, List.of(), null);
    }

    /** Whether the event concerns every user (new prices) rather than one user's sync. */
    public boolean isMarketWide() {
        return userId == null && PRICES.equals(status);
    }

    /** One asset's new total on the connection, as an exact decimal string. */
    public record Asset(String symbol, String total) {
    }
}
