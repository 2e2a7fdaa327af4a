package io.coinsphere.exchangesync.valuation;

import io.coinsphere.exchangesync.prices.MarketPrice;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The prices a valuation may use, one per pair: where several exchanges quote a pair, the most recent price wins
 * (ties go to the source that sorts first, so a valuation never depends on read order).
 */
public final class PriceBook {

    private static final Comparator<MarketPrice> BETTER = Comparator.comparing(MarketPrice::at)
            .thenComparing(MarketPrice::source, Comparator.reverseOrder());

    private final Map<String, MarketPrice> byPair = new HashMap<>();

    public static PriceBook of(Iterable<MarketPrice> prices) {
        PriceBook book = new PriceBook();
        prices.forEach(book::put);
        return book;
    }

    /** Adds a price; it replaces the pair's current one only if it is better (newer). */
    public PriceBook put(MarketPrice price) {
        byPair.merge(key(price.base(), price.quote()), price, (old, candidate) -> BETTER.compare(candidate, old) > 0 ? candidate : old);
        return this;
    }

    /** The price of 1 {@code base} in {@code quote}, as quoted by a market of exactly that pair; null if none. */
    MarketPrice direct(String base, String quote) {
        return byPair.get(key(base, quote));
    }

    public int size() {
        return byPair.size();
    }

    private static String key(String base, String quote) {
        return base + '/' + quote;
    }
}
