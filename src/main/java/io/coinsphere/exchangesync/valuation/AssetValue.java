package io.coinsphere.exchangesync.valuation;

import java.math.BigDecimal;

/** One asset's amount and, if it has a price, its value; {@code rate} is null for "no price". */
public record AssetValue(String symbol, BigDecimal amount, Rate rate, BigDecimal value, boolean stale) {

    public boolean priced() {
        return rate != null;
    }
}
