package io.coinsphere.exchangesync.holdings;

import io.coinsphere.exchangesync.prices.PriceStore;
import io.coinsphere.exchangesync.prices.PricesProperties;
import io.coinsphere.exchangesync.settings.UserSettings;
import io.coinsphere.exchangesync.valuation.AssetValue;
import io.coinsphere.exchangesync.valuation.PortfolioValue;
import io.coinsphere.exchangesync.valuation.PriceBook;
import io.coinsphere.exchangesync.valuation.Rate;
import io.coinsphere.exchangesync.valuation.Valuation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The portfolio with values: each asset's price, value and where the price came from, each connection's value,
 * and the total in the user's quote currency with the number of assets it leaves out for want of a price.
 * Amounts, prices and values are exact decimal strings; rounding is the page's business.
 */
@Component
public class ValuedHoldings {

    /** One connection's share of an asset, with its value (null without a price). */
    public record ValuedShare(UUID connectionId, String exchange, String label, String total, String available, String locked,
                              Map<String, String> wallets, String value) {
    }

    /** An asset's total with its price and value; price, value, priceAt and priceSource are null for "no price". */
    public record ValuedAsset(String symbol, String total, Map<String, String> wallets, List<ValuedShare> connections,
                              String price, String value, Instant priceAt, String priceSource, String priceRoute, boolean stale) {
    }

    /** What one connection holds in value, and how many of its assets have no price. */
    public record ConnectionValue(UUID connectionId, String exchange, String label, String value, int unpriced) {
    }

    /** The whole answer of {@code GET /api/v1/holdings}. */
    public record Portfolio(List<ValuedAsset> holdings, List<ConnectionValue> connections, String quoteCurrency,
                            String totalValue, int unpriced, int stalePrices) {
    }

    private final HoldingsQuery query;
    private final PriceStore prices;
    private final PricesProperties properties;
    private final UserSettings settings;
    private final Valuation valuation;
    private final Clock clock = Clock.systemUTC();

    public ValuedHoldings(HoldingsQuery query, PriceStore prices, PricesProperties properties, UserSettings settings,
            Valuation valuation) {
        this.query = query;
        this.prices = prices;
        this.properties = properties;
        this.settings = settings;
        this.valuation = valuation;
    }

    public Portfolio portfolio(UUID userId) {
        List<HoldingsQuery.AssetTotal> assets = query.portfolio(userId);
        String quote = settings.quoteCurrency(userId);
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        assets.forEach(asset -> amounts.put(asset.symbol(), new BigDecimal(asset.total())));
        Set<String> symbols = new LinkedHashSet<>(amounts.keySet());
        symbols.addAll(properties.anchors());
        symbols.add(quote);
        Instant now = clock.instant();
        PortfolioValue value = valuation.value(PriceBook.of(prices.latest(symbols)), amounts, quote, now);

        List<ValuedAsset> valued = new ArrayList<>(assets.size());
        Map<UUID, ConnectionTotal> byConnection = new LinkedHashMap<>();
        for (HoldingsQuery.AssetTotal asset : assets) {
            AssetValue assetValue = value.assets().get(asset.symbol());
            Rate rate = assetValue.rate();
            List<ValuedShare> shares = new ArrayList<>(asset.connections().size());
            for (HoldingsQuery.Share share : asset.connections()) {
                BigDecimal shareValue = rate == null ? null : new BigDecimal(share.total()).multiply(rate.price());
                shares.add(new ValuedShare(share.connectionId(), share.exchange(), share.label(), share.total(), share.available(),
                        share.locked(), share.wallets(), plain(shareValue)));
                byConnection.computeIfAbsent(share.connectionId(), id -> new ConnectionTotal(share.exchange(), share.label()))
                        .add(shareValue);
            }
            valued.add(new ValuedAsset(asset.symbol(), asset.total(), asset.wallets(), shares,
                    rate == null ? null : plain(rate.price()), plain(assetValue.value()),
                    rate == null ? null : rate.at(), rate == null ? null : rate.source(), rate == null ? null : rate.route(),
                    assetValue.stale()));
        }
        List<ConnectionValue> connections = new ArrayList<>();
        byConnection.forEach((id, total) -> connections.add(new ConnectionValue(id, total.exchange, total.label,
                plain(total.value), total.unpriced)));
        return new Portfolio(valued, connections, quote, plain(value.total()), value.unpriced(), value.stale());
    }

    /** Full precision without trailing zeros; null stays null ("no price"). */
    static String plain(BigDecimal value) {
        return value == null ? null : HoldingsQuery.plain(value);
    }

    private static final class ConnectionTotal {
        private final String exchange;
        private final String label;
        private BigDecimal value = BigDecimal.ZERO;
        private int unpriced;

        ConnectionTotal(String exchange, String label) {
            this.exchange = exchange;
            this.label = label;
        }

        void add(BigDecimal shareValue) {
            if (shareValue == null) {
                unpriced++;
            } else {
                value = value.add(shareValue);
            }
        }
    }
}
