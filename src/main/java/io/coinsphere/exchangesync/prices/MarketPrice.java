package io.coinsphere.exchangesync.prices;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One pair's price at one exchange: {@code 1 base = price quote}, as last traded at {@code at}. Symbols are ours
 * (Kraken's {@code XXBT} is {@code BTC}); {@code source} is the exchange id.
 */
public record MarketPrice(String base, String quote, BigDecimal price, String source, Instant at) {

    public MarketPrice {
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("a price is positive: " + base + "/" + quote);
        }
    }
}
