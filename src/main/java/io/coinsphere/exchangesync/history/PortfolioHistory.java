package io.coinsphere.exchangesync.history;

import io.coinsphere.exchangesync.prices.MarketPrice;
import io.coinsphere.exchangesync.prices.PriceStore;
import io.coinsphere.exchangesync.prices.PricesProperties;
import io.coinsphere.exchangesync.settings.UserSettings;
import io.coinsphere.exchangesync.valuation.Valuation;
import io.coinsphere.exchangesync.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A user's portfolio value over a range, in the user's quote currency: snapshots and recorded prices of the range
 * (and the ones in force when it starts), valued point by point; the last point is now, at the latest prices.
 */
@Component
public class PortfolioHistory {

    /** The answer of {@code GET /api/v1/portfolio/history}; {@code asset} is null for the whole portfolio. */
    public record History(String range, String quoteCurrency, String asset, long stepSeconds, List<HistorySeries.Point> points,
                          HistorySeries.Change change) {

        /** As JSON: values as exact decimal strings, like every amount of the API. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("range", range);
            json.put("quoteCurrency", quoteCurrency);
            json.put("asset", asset);
            json.put("stepSeconds", stepSeconds);
            json.put("points", points.stream().map(p -> {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("at", p.at());
                point.put("value", p.value().toPlainString());
                if (asset != null) {
                    point.put("amount", p.amount().toPlainString());
                }
                point.put("unpriced", p.unpriced());
                return point;
            }).toList());
            Map<String, Object> difference = null;
            if (change != null) {
                difference = new LinkedHashMap<>();
                difference.put("from", change.from().toPlainString());
                difference.put("to", change.to().toPlainString());
                difference.put("absolute", change.absolute().toPlainString());
                // Null when the range starts at zero: no percentage of nothing.
                difference.put("percent", change.percent() == null ? null : change.percent().toPlainString());
            }
            json.put("change", difference);
            return json;
        }
    }

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,32}");

    private final SnapshotStore snapshots;
    private final PriceStore prices;
    private final PricesProperties priceProperties;
    private final UserSettings settings;
    private final HistorySeries series;
    private final Clock clock = Clock.systemUTC();

    public PortfolioHistory(SnapshotStore snapshots, PriceStore prices, PricesProperties priceProperties, UserSettings settings,
            Valuation valuation) {
        this.snapshots = snapshots;
        this.prices = prices;
        this.priceProperties = priceProperties;
        this.settings = settings;
        this.series = new HistorySeries(valuation);
    }

    /** {@code asset}: null or blank for the whole portfolio; otherwise a symbol (400 when it cannot be one). */
    public History history(UUID userId, HistoryRange range, String asset) {
        String symbol = asset == null || asset.isBlank() ? null : asset.strip();
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            throw ApiException.validation("asset", "must be an asset symbol such as BTC");
        }
        symbol = symbol == null ? null : symbol.toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        Instant start = range.start(now, range == HistoryRange.ALL ? snapshots.first(userId) : null);
        List<Snapshot> held = snapshots.between(userId, start, now);
        String quote = settings.quoteCurrency(userId);
        Set<String> symbols = new LinkedHashSet<>(priceProperties.anchors());
        symbols.add(quote);
        held.forEach(s -> symbols.addAll(s.amounts().keySet()));
        List<MarketPrice> known = new ArrayList<>(prices.history(symbols, start, now));
        known.addAll(prices.latest(symbols));
        known.sort(Comparator.comparing(MarketPrice::at));
        List<HistorySeries.Point> points = series.points(range.grid(start, now), held, known, quote, symbol);
        return new History(range.id(), quote, symbol, range.step(start, now).toSeconds(), points, HistorySeries.change(points));
    }
}
