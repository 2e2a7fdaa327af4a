package io.coinsphere.exchangesync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatedMarketTest {

    private static final long NOW = 1_765_000_000_000L;
    private final EmulatedMarket market = new EmulatedMarket();

    private BigDecimal price(ExchangeId exchange, String symbol, long millis) {
        EmulatedMarket.Listing listing = market.listings(exchange).stream().filter(l -> l.symbol().equals(symbol)).findFirst()
                .orElseThrow();
        return market.price(exchange, listing, millis);
    }

    @Test
    void pricesDriftGentlyAndAgreeAcrossExchanges() {
        BigDecimal kraken = price(ExchangeId.KRAKEN, "XXBTZUSD", NOW);
        BigDecimal coinbase = price(ExchangeId.COINBASE, "BTC-USD", NOW);
        BigDecimal later = price(ExchangeId.KRAKEN, "XXBTZUSD", NOW + Duration.ofMinutes(1).toMillis());

        assertThat(kraken).isEqualByComparingTo(coinbase);
        assertThat(kraken.subtract(later).abs().divide(kraken, MathContext.DECIMAL64)).isLessThan(new BigDecimal("0.002"));
        assertThat(kraken).isBetween(new BigDecimal("60000"), new BigDecimal("68000"));
        assertThat(price(ExchangeId.KRAKEN, "USDTZUSD", NOW)).as("a stablecoin near, not at, 1")
                .isBetween(new BigDecimal("0.99"), new BigDecimal("1.01"));
    }

    @Test
    void somePairsAreMissingOnPurpose() {
        assertThat(market.listings(ExchangeId.BINANCE)).noneMatch(l -> l.quote().equals("USD"));
        assertThat(market.listings(ExchangeId.KUCOIN)).noneMatch(l -> l.base().equals("DOT"));
        for (ExchangeId id : ExchangeId.values()) {
            assertThat(market.listings(id)).noneMatch(l -> l.base().equals("GHOST") || l.quote().equals("GHOST"));
        }
    }

    @Test
    void aPairCanBePinnedAndDelisted() {
        market.setPrice(ExchangeId.BINANCE, "BTCUSDT", new BigDecimal("12345.6"));
        assertThat(price(ExchangeId.BINANCE, "BTCUSDT", NOW)).isEqualByComparingTo("12345.6");

        market.setListed(ExchangeId.BINANCE, "BTCUSDT", false);
        assertThat(market.listings(ExchangeId.BINANCE)).noneMatch(l -> l.symbol().equals("BTCUSDT"));
        market.setListed(ExchangeId.BINANCE, "BTCUSDT", true);
        market.setPrice(ExchangeId.BINANCE, "BTCUSDT", null);
        assertThat(price(ExchangeId.BINANCE, "BTCUSDT", NOW)).isNotEqualByComparingTo("12345.6");
    }
}
