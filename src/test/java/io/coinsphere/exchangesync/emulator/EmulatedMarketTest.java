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
    void theNewerExchangesDemoAssetsHaveAMarketAndTheirOwnTokensTradeAtHome() {
        java.util.Set<String> bases = new java.util.HashSet<>();
        for (ExchangeId id : ExchangeId.values()) {
            market.listings(id).forEach(l -> {
                bases.add(l.base());
                bases.add(l.quote());
            });
        }
        assertThat(bases).contains("MNT", "LINK", "GUSD", "BTC", "ETH", "USDT", "EUR");
        for (ExchangeId id : ExchangeId.values()) {
            if (id != ExchangeId.BYBIT) {
                assertThat(market.listings(id)).noneMatch(l -> l.base().equals("MNT"));
            }
        }
        assertThat(market.listings(ExchangeId.BITSTAMP)).allMatch(l -> l.symbol().equals(l.base() + "/" + l.quote()));
        assertThat(price(ExchangeId.GEMINI, "BTCGUSD", NOW)).isBetween(new BigDecimal("60000"), new BigDecimal("68000"));
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
