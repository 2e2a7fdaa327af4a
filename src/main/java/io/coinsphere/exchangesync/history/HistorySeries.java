package io.coinsphere.exchangesync.history;

import io.coinsphere.exchangesync.prices.MarketPrice;
import io.coinsphere.exchangesync.valuation.PortfolioValue;
import io.coinsphere.exchangesync.valuation.PriceBook;
import io.coinsphere.exchangesync.valuation.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Values the portfolio at each point of a grid: the holdings each connection had then (its last snapshot at or
 * before the point) at the prices recorded by then. Plain logic: one pass over snapshots and prices in time order.
 */
public final class HistorySeries {

    /** The portfolio (or one asset) at one instant: {@code amount} only for one asset. */
    public record Point(Instant at, BigDecimal value, BigDecimal amount, int unpriced) {
    }

    /** From the first point to the last: absolute and, where the first is not zero, percent (2 decimals). */
    public record Change(BigDecimal from, BigDecimal to, BigDecimal absolute, BigDecimal percent) {
    }

    private final Valuation valuation;

    public HistorySeries(Valuation valuation) {
        this.valuation = valuation;
    }

    /**
     * {@code snapshots} and {@code prices} sorted oldest first; {@code asset} null for the whole portfolio. Points
     * before the first snapshot are left out: nothing was known to be held then.
     */
    public List<Point> points(List<Instant> grid, List<Snapshot> snapshots, List<MarketPrice> prices, String quote, String asset) {
        Map<UUID, Map<String, BigDecimal>> held = new HashMap<>();
        PriceBook book = new PriceBook();
        List<Point> points = new ArrayList<>(grid.size());
        int s = 0;
        int p = 0;
        for (Instant at : grid) {
            while (s < snapshots.size() && !snapshots.get(s).takenAt().isAfter(at)) {
                Snapshot snapshot = snapshots.get(s++);
                held.put(snapshot.connectionId(), snapshot.amounts());
            }
            while (p < prices.size() && !prices.get(p).at().isAfter(at)) {
                book.put(prices.get(p++));
            }
            if (held.isEmpty()) {
                continue;
            }
            Map<String, BigDecimal> amounts = new TreeMap<>();
            held.values().forEach(connection -> connection.forEach((symbol, amount) -> {
                if (asset == null || asset.equals(symbol)) {
                    amounts.merge(symbol, amount, BigDecimal::add);
                }
            }));
            PortfolioValue value = valuation.value(book, amounts, quote, at);
            points.add(new Point(at, normal(value.total()), asset == null ? null : normal(amounts.getOrDefault(asset, BigDecimal.ZERO)),
                    value.unpriced()));
        }
        return points;
    }

    /** Without trailing zeros (the columns' 18 decimals multiply to 36) and never with a negative scale. */
    static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static Change change(List<Point> points) {
        if (points.isEmpty()) {
            return null;
        }
        BigDecimal from = points.get(0).value();
        BigDecimal to = points.get(points.size() - 1).value();
        BigDecimal absolute = to.subtract(from);
        BigDecimal percent = from.signum() == 0 ? null
                : absolute.multiply(BigDecimal.valueOf(100)).divide(from, 2, RoundingMode.HALF_EVEN);
        return new Change(from, to, normal(absolute), percent);
    }
}
