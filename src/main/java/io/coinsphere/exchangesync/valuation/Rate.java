package io.coinsphere.exchangesync.valuation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What 1 unit of an asset is worth in the quote currency, with where that came from: {@code at} is the oldest
 * price used (null for the quote currency itself), {@code source} the exchanges, {@code route} the markets
 * ({@code ETH/USDT × USDT/USD}).
 */
public record Rate(BigDecimal price, Instant at, String source, String route) {
}
