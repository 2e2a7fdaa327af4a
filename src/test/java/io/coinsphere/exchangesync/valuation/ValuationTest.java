package io.coinsphere.exchangesync.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.prices.MarketPrice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final Valuation valuation = new Valuation(List.of("USD", "USDT", "USDC", "BTC", "EUR"), Duration.ofMinutes(10));

    private static MarketPrice p(String base, String quote, String price, String source, Duration age) {
        return new MarketPrice(base, quote, new BigDecimal(price), source, NOW.minus(age));
    }

    private static MarketPrice p(String base, String quote, String price) {
        return p(base, quote, price, "kraken", Duration.ofSeconds(30));
    }

    private static Map<String, BigDecimal> holdings(String... symbolsAndAmounts) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (int i = 0; i < symbolsAndAmounts.length; i += 2) {
            amounts.put(symbolsAndAmounts[i], new BigDecimal(symbolsAndAmounts[i + 1]));
        }
        return amounts;
    }

    @Test
    void directPairValuesExactly() {
        PortfolioValue value = valuation.value(PriceBook.of(List.of(p("BTC", "USD", "64000.5"))), holdings("BTC", "0.5"), "USD", NOW);

        assertThat(value.total()).isEqualByComparingTo("32000.25");
        AssetValue btc = value.assets().get("BTC");
        assertThat(btc.value()).isEqualTo(new BigDecimal("32000.25"));
        assertThat(btc.rate().route()).isEqualTo("BTC/USD");
        assertThat(btc.rate().source()).isEqualTo("kraken");
        assertThat(btc.rate().at()).isEqualTo(NOW.minusSeconds(30));
        assertThat(btc.stale()).isFalse();
        assertThat(value.unpriced()).isZero();
    }

    @Test
    void directPairComesBeforeACrossRate() {
        PriceBook book = PriceBook.of(List.of(p("ETH", "USD", "3100"), p("ETH", "USDT", "3000"), p("USDT", "USD", "1")));

        assertThat(valuation.rate(book, "ETH", "USD", NOW).price()).isEqualByComparingTo("3100");
    }

    @Test
    void inverseMarketDividesToThirtyFourDigits() {
        PriceBook book = PriceBook.of(List.of(p("EUR", "USD", "1.25")));

        PortfolioValue value = valuation.value(book, holdings("USD", "100"), "EUR", NOW);

        assertThat(value.total()).isEqualByComparingTo("80");
        assertThat(valuation.rate(PriceBook.of(List.of(p("EUR", "USD", "3"))), "USD", "EUR", NOW).price())
                .isEqualTo(new BigDecimal("0.3333333333333333333333333333333333"));
    }

    @Test
    void crossRateThroughAStablecoinUsesTheStablecoinsOwnMarket() {
        PriceBook book = PriceBook.of(List.of(p("ETH", "USDT", "3000", "binance", Duration.ofSeconds(10)),
                p("USDT", "USD", "0.999", "kraken", Duration.ofSeconds(40))));

        PortfolioValue value = valuation.value(book, holdings("ETH", "2"), "USD", NOW);

        assertThat(value.total()).isEqualByComparingTo("5994");
        Rate rate = value.assets().get("ETH").rate();
        assertThat(rate.route()).isEqualTo("ETH/USDT × USDT/USD");
        assertThat(rate.source()).isEqualTo("binance+kraken");
        assertThat(rate.at()).as("the older leg dates the rate").isEqualTo(NOW.minusSeconds(40));
    }

    @Test
    void twoStepCrossRate() {
        PriceBook book = PriceBook.of(List.of(p("SOL", "USDT", "150"), p("USDT", "USD", "1"), p("EUR", "USD", "1.5")));

        Rate rate = valuation.rate(book, "SOL", "EUR", NOW);

        assertThat(rate.price()).isEqualByComparingTo("100");
        assertThat(rate.route()).isEqualTo("SOL/USDT × USDT/USD × EUR/USD");
    }

    @Test
    void aStablecoinIsNotAssumedToBeWorthOne() {
        PortfolioValue without = valuation.value(PriceBook.of(List.of(p("BTC", "USD", "60000"))), holdings("USDT", "1000"), "USD", NOW);
        assertThat(without.unpriced()).isEqualTo(1);
        assertThat(without.total()).isEqualByComparingTo("0");

        PortfolioValue with = valuation.value(PriceBook.of(List.of(p("USDT", "USD", "1.0002"))), holdings("USDT", "1000"), "USD", NOW);
        assertThat(with.total()).isEqualByComparingTo("1000.2");
    }

    @Test
    void anAssetWithoutAMarketIsLeftOutAndCounted() {
        PriceBook book = PriceBook.of(List.of(p("BTC", "USD", "60000")));

        PortfolioValue value = valuation.value(book, holdings("BTC", "1", "GHOST", "5000", "DUST", "1"), "USD", NOW);

        assertThat(value.total()).isEqualByComparingTo("60000");
        assertThat(value.unpriced()).isEqualTo(2);
        AssetValue ghost = value.assets().get("GHOST");
        assertThat(ghost.priced()).isFalse();
        assertThat(ghost.value()).isNull();
        assertThat(ghost.amount()).isEqualByComparingTo("5000");
    }

    @Test
    void aStalePriceIsFlaggedButStillCounted() {
        PriceBook book = PriceBook.of(List.of(p("BTC", "USD", "60000", "kraken", Duration.ofMinutes(11))));

        PortfolioValue value = valuation.value(book, holdings("BTC", "1"), "USD", NOW);

        assertThat(value.assets().get("BTC").stale()).isTrue();
        assertThat(value.stale()).isEqualTo(1);
        assertThat(value.total()).isEqualByComparingTo("60000");
        assertThat(valuation.value(book, holdings("BTC", "1"), "USD", NOW.minus(Duration.ofMinutes(2))).stale())
                .as("ten minutes is the bound").isZero();
    }

    @Test
    void aFreshCrossRateBeatsAStaleDirectPrice() {
        PriceBook book = PriceBook.of(List.of(p("BTC", "USD", "50000", "kraken", Duration.ofHours(2)),
                p("BTC", "USDT", "60000", "binance", Duration.ofSeconds(5)), p("USDT", "USD", "1", "kraken", Duration.ofSeconds(5))));

        Rate rate = valuation.rate(book, "BTC", "USD", NOW);

        assertThat(rate.price()).isEqualByComparingTo("60000");
        assertThat(valuation.isStale(rate, NOW)).isFalse();
    }

    @Test
    void theNewestPriceOfAPairWinsWhateverTheReadOrder() {
        MarketPrice older = p("BTC", "USD", "60000", "coinbase", Duration.ofSeconds(50));
        MarketPrice newer = p("BTC", "USD", "60100", "kraken", Duration.ofSeconds(5));

        assertThat(valuation.rate(PriceBook.of(List.of(older, newer)), "BTC", "USD", NOW).price()).isEqualByComparingTo("60100");
        assertThat(valuation.rate(PriceBook.of(List.of(newer, older)), "BTC", "USD", NOW).price()).isEqualByComparingTo("60100");
    }

    @Test
    void eighteenDecimalAmountsStayExact() {
        PriceBook book = PriceBook.of(List.of(p("ETH", "USD", "3000.12")));

        PortfolioValue tiny = valuation.value(book, holdings("ETH", "0.000000000000000001"), "USD", NOW);
        PortfolioValue large = valuation.value(book, holdings("ETH", "123456789.123456789012345678"), "USD", NOW);

        assertThat(tiny.total()).isEqualTo(new BigDecimal("0.00000000000000300012"));
        assertThat(large.total()).isEqualTo(new BigDecimal("370385182185.06518185171851548136"));
        assertThat(large.total().toPlainString()).isEqualTo("370385182185.06518185171851548136");
    }

    @Test
    void theQuoteCurrencyIsWorthOneOfItself() {
        PortfolioValue value = valuation.value(PriceBook.of(List.of()), holdings("EUR", "250.5"), "EUR", NOW);

        assertThat(value.total()).isEqualByComparingTo("250.5");
        assertThat(value.assets().get("EUR").stale()).isFalse();
        assertThat(value.unpriced()).isZero();
    }
}
