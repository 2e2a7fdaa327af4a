package io.coinsphere.exchangesync.valuation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Holdings valued in {@code quote}: the total of the priced assets, how many assets it leaves out for want of a
 * price, and how many of the priced ones rest on a stale price.
 */
public record PortfolioValue(String quote, BigDecimal total, int unpriced, int stale, Map<String, AssetValue> assets) {
}
