package io.coinsphere.exchangesync.holdings;

import io.coinsphere.exchangesync.web.Csv;
import java.math.BigDecimal;

/** The valued holdings as CSV: one row per asset and connection, exact decimals, the quote currency on every row. */
final class HoldingsCsv {

    private HoldingsCsv() {
    }

    static Csv of(ValuedHoldings.Portfolio portfolio) {
        Csv csv = new Csv().row("asset", "exchange", "connection", "amount", "price", "value", "quote_currency",
                "price_at", "price_source", "stale");
        for (ValuedHoldings.ValuedAsset asset : portfolio.holdings()) {
            for (ValuedHoldings.ValuedShare share : asset.connections()) {
                csv.row(asset.symbol(), share.exchange(), share.label(), decimal(share.total()), decimal(asset.price()),
                        decimal(share.value()), portfolio.quoteCurrency(), asset.priceAt() == null ? null : asset.priceAt().toString(),
                        asset.priceSource(), asset.price() == null ? null : Boolean.toString(asset.stale()));
            }
        }
        return csv;
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
