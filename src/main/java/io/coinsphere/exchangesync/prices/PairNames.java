package io.coinsphere.exchangesync.prices;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An exchange's pair list (symbol to base and quote), read rarely: pairs are listed far less often than prices
 * move, and the list costs more budget than the prices (Binance: weight 20 against 4).
 */
final class PairNames {

    /** One listed pair in our symbols. */
    record Pair(String base, String quote) {
    }

    private final Duration maxAge;
    private final Supplier<Map<String, Pair>> loader;
    private volatile Map<String, Pair> pairs;
    private volatile Instant loadedAt = Instant.EPOCH;

    PairNames(Duration maxAge, Supplier<Map<String, Pair>> loader) {
        this.maxAge = maxAge;
        this.loader = loader;
    }

    /** The list, read again when older than the maximum age; a failed read keeps the last list if there is one. */
    Map<String, Pair> get(Instant now) {
        Map<String, Pair> current = pairs;
        if (current == null || loadedAt.plus(maxAge).isBefore(now)) {
            try {
                current = Map.copyOf(loader.get());
                pairs = current;
                loadedAt = now;
            } catch (RuntimeException e) {
                if (current == null) {
                    throw e;
                }
            }
        }
        return current;
    }
}
