package io.coinsphere.exchangesync.valuation;

import io.coinsphere.exchangesync.prices.MarketPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values holdings in a quote currency: a direct market first (or its inverse), then cross rates through the
 * {@code via} assets in order (one or two steps: ETH in EUR as ETH/USDT × USDT/USD × USD/EUR). A stablecoin is
 * valued through its own markets like any asset, never assumed to be worth 1. Multiplication is exact; only an
 * inverse (1 / price) is rounded, to 34 significant digits. A fresh route is preferred to a stale one found earlier.
 */
public final class Valuation {

    /** Division of an inverse market: IEEE 754 decimal128, far beyond any price's own precision. */
    static final MathContext INVERSE = MathContext.DECIMAL128;

    private final List<String> via;
    private final Duration staleAfter;

    public Valuation(List<String> via, Duration staleAfter) {
        this.via = List.copyOf(via);
        this.staleAfter = staleAfter;
    }

    /** Values every asset of {@code amounts} (symbol to amount) in {@code quote} with the prices of {@code book}. */
    public PortfolioValue value(PriceBook book, Map<String, BigDecimal> amounts, String quote, Instant now) {
        Map<String, AssetValue> assets = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int unpriced = 0;
        int stale = 0;
        for (Map.Entry<String, BigDecimal> holding : amounts.entrySet()) {
            Rate rate = rate(book, holding.getKey(), quote, now);
            if (rate == null) {
                unpriced++;
                assets.put(holding.getKey(), new AssetValue(holding.getKey(), holding.getValue(), null, null, false));
                continue;
            }
            BigDecimal value = holding.getValue().multiply(rate.price());
            boolean isStale = isStale(rate, now);
            stale += isStale ? 1 : 0;
            total = total.add(value);
            assets.put(holding.getKey(), new AssetValue(holding.getKey(), holding.getValue(), rate, value, isStale));
        }
        return new PortfolioValue(quote, total, unpriced, stale, assets);
    }

    /** What 1 {@code asset} is worth in {@code quote}; null when no route of markets connects them. */
    public Rate rate(PriceBook book, String asset, String quote, Instant now) {
        if (asset.equals(quote)) {
            return new Rate(BigDecimal.ONE, null, "", quote);
        }
        Rate firstStale = null;
        for (List<String> path : paths(asset, quote)) {
            Rate candidate = along(book, path);
            if (candidate == null) {
                continue;
            }
            if (!isStale(candidate, now)) {
                return candidate;
            }
            if (firstStale == null) {
                firstStale = candidate;
            }
        }
        return firstStale;
    }

    public boolean isStale(Rate rate, Instant now) {
        return rate.at() != null && rate.at().isBefore(now.minus(staleAfter));
    }

    /** Asset, then zero, one or two via assets, then quote: direct first, then through via in its order. */
    private List<List<String>> paths(String asset, String quote) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of(asset, quote));
        for (String step : via) {
            if (!step.equals(asset) && !step.equals(quote)) {
                paths.add(List.of(asset, step, quote));
            }
        }
        for (String first : via) {
            for (String second : via) {
                if (!first.equals(second) && !Set.of(asset, quote).contains(first) && !Set.of(asset, quote).contains(second)) {
                    paths.add(List.of(asset, first, second, quote));
                }
            }
        }
        return paths;
    }

    private static Rate along(PriceBook book, List<String> path) {
        BigDecimal price = BigDecimal.ONE;
        Instant oldest = null;
        Set<String> sources = new LinkedHashSet<>();
        List<String> markets = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            String from = path.get(i);
            String to = path.get(i + 1);
            MarketPrice direct = book.direct(from, to);
            MarketPrice used = direct != null ? direct : book.direct(to, from);
            if (used == null) {
                return null;
            }
            price = direct != null ? price.multiply(used.price()) : price.divide(used.price(), INVERSE);
            oldest = oldest == null || used.at().isBefore(oldest) ? used.at() : oldest;
            sources.add(used.source());
            markets.add(used.base() + "/" + used.quote());
        }
        return new Rate(price, oldest, String.join("+", sources), String.join(" × ", markets));
    }
}
