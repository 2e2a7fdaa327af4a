package io.coinsphere.exchangesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.prices.MarketPrice;
import io.coinsphere.exchangesync.valuation.Valuation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HistorySeriesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final UUID KRAKEN = UUID.randomUUID();
    private static final UUID BINANCE = UUID.randomUUID();
    private final HistorySeries series = new HistorySeries(new Valuation(List.of("USD", "USDT"), Duration.ofMinutes(10)));

    private static Instant h(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static MarketPrice price(String base, String quote, String value, int hours) {
        return new MarketPrice(base, quote, new BigDecimal(value), "kraken", h(hours));
    }

    private static Snapshot snapshot(UUID connection, int hours, Map<String, BigDecimal> amounts) {
        return new Snapshot(connection, h(hours), amounts);
    }

    @Test
    void eachPointValuesTheHoldingsOfThatTimeAtThePricesOfThatTime() {
        List<Snapshot> snapshots = List.of(
                snapshot(KRAKEN, 0, Map.of("BTC", new BigDecimal("1"))),
                snapshot(BINANCE, 1, Map.of("ETH", new BigDecimal("10"))),
                snapshot(KRAKEN, 3, Map.of("BTC", new BigDecimal("0.5"))));
        List<MarketPrice> prices = List.of(price("BTC", "USD", "60000", 0), price("ETH", "USD", "3000", 0),
                price("BTC", "USD", "62000", 2), price("ETH", "USD", "3100", 4));

        List<HistorySeries.Point> points = series.points(List.of(h(0), h(1), h(2), h(3), h(4)), snapshots, prices, "USD", null);

        assertThat(points).extracting(p -> p.value().stripTrailingZeros().toPlainString())
                .containsExactly("60000", "90000", "92000", "61000", "62000");
        HistorySeries.Change change = HistorySeries.change(points);
        assertThat(change.absolute()).isEqualByComparingTo("2000");
        assertThat(change.percent()).isEqualByComparingTo("3.33");
    }

    @Test
    void pointsBeforeTheFirstSnapshotAreLeftOutAndADisconnectEndsAConnectionsShare() {
        List<Snapshot> snapshots = List.of(snapshot(KRAKEN, 2, Map.of("BTC", BigDecimal.ONE)), snapshot(KRAKEN, 3, Map.of()));
        List<MarketPrice> prices = List.of(price("BTC", "USD", "60000", 0));

        List<HistorySeries.Point> points = series.points(List.of(h(1), h(2), h(3)), snapshots, prices, "USD", null);

        assertThat(points).extracting(HistorySeries.Point::at).containsExactly(h(2), h(3));
        assertThat(points.get(1).value()).isEqualByComparingTo("0");
    }

    @Test
    void oneAssetAcrossConnectionsWithItsAmount() {
        List<Snapshot> snapshots = List.of(snapshot(KRAKEN, 0, Map.of("BTC", new BigDecimal("0.25"), "ETH", BigDecimal.ONE)),
                snapshot(BINANCE, 0, Map.of("BTC", new BigDecimal("0.75"))));
        List<MarketPrice> prices = List.of(price("BTC", "USDT", "60000", 0), price("USDT", "USD", "1.001", 0));

        List<HistorySeries.Point> points = series.points(List.of(h(1)), snapshots, prices, "USD", "BTC");

        assertThat(points.get(0).amount()).isEqualByComparingTo("1");
        assertThat(points.get(0).value()).isEqualByComparingTo("60060");
    }

    @Test
    void anAssetWithoutAPriceAtThatTimeIsCountedAsUnpriced() {
        List<Snapshot> snapshots = List.of(snapshot(KRAKEN, 0, Map.of("BTC", BigDecimal.ONE, "GHOST", BigDecimal.TEN)));

        List<HistorySeries.Point> points = series.points(List.of(h(0), h(1)), snapshots,
                List.of(price("BTC", "USD", "60000", 1)), "USD", null);

        assertThat(points).extracting(HistorySeries.Point::unpriced).containsExactly(2, 1);
        assertThat(points.get(0).value()).isEqualByComparingTo("0");
    }
}
