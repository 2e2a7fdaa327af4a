package io.coinsphere.exchangesync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Connections per status, cached: a gauge is read on every scrape (and by every replica's scraper), while a
 * count over all connections need not be fresher than the refresh interval.
 */
final class ConnectionStatusCounts {

    private final Supplier<Map<String, Long>> query;
    private final Duration refresh;
    private final Clock clock;
    private Map<String, Long> counts = Map.of();
    private Instant loadedAt;

    public ConnectionStatusCounts(Supplier<Map<String, Long>> query, Duration refresh, Clock clock) {
        this.query = query;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Connections with {@code status}; queries again only when the cached counts are older than the refresh. */
    public synchronized double count(String status) {
        Instant now = clock.instant();
        if (loadedAt == null || !now.isBefore(loadedAt.plus(refresh))) {
            try {
                counts = Map.copyOf(query.get());
            } catch (RuntimeException e) {
                // Database away: keep the last counts rather than failing the whole scrape.
            }
            loadedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
