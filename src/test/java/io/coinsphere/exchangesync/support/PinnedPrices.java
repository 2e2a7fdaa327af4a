package io.coinsphere.exchangesync.support;

import io.coinsphere.exchangesync.emulator.EmulatedMarket;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import org.apache.camel.CamelContext;

/**
 * The prices the portfolio tests value holdings at, pinned on the emulated exchanges: each pair on every exchange
 * that quotes it, so whichever exchange answered last, a value is known exactly (BTC 60000 USD, 50000 EUR; ETH 3000
 * USD, 2500 EUR; USDT 0.999 USD; EUR 1.25 USDT).
 */
public final class PinnedPrices {

    private PinnedPrices() {
    }

    public static void pinAll(EmulatedMarket market) {
        pin(market, ExchangeId.KRAKEN, "XXBTZUSD", "60000");
        pin(market, ExchangeId.COINBASE, "BTC-USD", "60000");
        pin(market, ExchangeId.KRAKEN, "XETHZUSD", "3000");
        pin(market, ExchangeId.COINBASE, "ETH-USD", "3000");
        pin(market, ExchangeId.KRAKEN, "USDTZUSD", "0.999");
        pin(market, ExchangeId.COINBASE, "USDT-USD", "0.999");
        pin(market, ExchangeId.KRAKEN, "XXBTZEUR", "50000");
        pin(market, ExchangeId.COINBASE, "BTC-EUR", "50000");
        pin(market, ExchangeId.KRAKEN, "XETHZEUR", "2500");
        pin(market, ExchangeId.COINBASE, "ETH-EUR", "2500");
        pin(market, ExchangeId.BINANCE, "EURUSDT", "1.25");
        pin(market, ExchangeId.BITSTAMP, "BTC/USD", "60000");
        pin(market, ExchangeId.GEMINI, "BTCUSD", "60000");
        pin(market, ExchangeId.BITSTAMP, "ETH/USD", "3000");
        pin(market, ExchangeId.GEMINI, "ETHUSD", "3000");
        pin(market, ExchangeId.BITSTAMP, "USDT/USD", "0.999");
        pin(market, ExchangeId.BITSTAMP, "BTC/EUR", "50000");
        pin(market, ExchangeId.BITSTAMP, "ETH/EUR", "2500");
    }

    public static void pin(EmulatedMarket market, ExchangeId exchange, String symbol, String price) {
        market.setPrice(exchange, symbol, new BigDecimal(price));
    }

    /** Back to the emulator's drifting prices, for the test classes that follow. */
    public static void unpinAll(EmulatedMarket market) {
        for (ExchangeId id : ExchangeId.values()) {
            market.listings(id).forEach(l -> market.setPrice(id, l.symbol(), null));
        }
    }

    /** One price refresh now, as the timer would run it. */
    public static void refresh(CamelContext camel) {
        camel.createProducerTemplate().requestBody("direct:prices-refresh", (Object) null);
    }
}
