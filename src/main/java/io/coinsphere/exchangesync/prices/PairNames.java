package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** A list read again every hour. */
    static PairNames hourly(Supplier<Map<String, Pair>> loader) {
        return new PairNames(Duration.ofHours(1), loader);
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

    /**
     * The prices of one call that lists every pair's ticker ({@code [{"<symbolField>": "BTCUSD", "<priceField>": "..."}]}),
     * as of {@code at}: a ticker's symbol, upper-cased, names a pair of {@code pairs} (so keyed upper-case); a ticker
     * of an unlisted pair or without a usable price is left out.
     */
    static List<MarketPrice> priced(Map<String, Pair> pairs, JsonNode tickers, String symbolField, String priceField,
            ExchangeId source, Instant at) {
        List<MarketPrice> prices = new ArrayList<>();
        for (JsonNode ticker : tickers) {
            Pair pair = pairs.get(ticker.path(symbolField).asText("").toUpperCase(Locale.ROOT));
            BigDecimal price = Prices.parse(ticker.get(priceField));
            if (pair != null && price != null) {
                prices.add(new MarketPrice(pair.base(), pair.quote(), price, source.id(), at));
            }
        }
        return prices;
    }
}
