package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The exchanges' public ticker answers, each in its own shape, from the {@link EmulatedMarket}. */
final class EmulatedTickers {

    private EmulatedTickers() {
    }

    /** Binance {@code GET /api/v3/ticker/price}: every symbol as a list, or one object for {@code ?symbol=}. */
    static Optional<Object> binance(EmulatedMarket market, long millis, String symbol) {
        List<Object> all = new ArrayList<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.BINANCE)) {
            Map<String, Object> ticker = obj("symbol", listing.symbol(), "price",
                    amount(market.price(ExchangeId.BINANCE, listing, millis).setScale(8, java.math.RoundingMode.HALF_EVEN)));
            if (listing.symbol().equals(symbol)) {
                return Optional.of(ticker);
            }
            all.add(ticker);
        }
        return symbol == null ? Optional.of(all) : Optional.empty();
    }

    /** Kraken {@code GET /0/public/Ticker}: the {@code result} object, one entry per pair. */
    static Map<String, Object> kraken(EmulatedMarket market, long millis) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.KRAKEN)) {
            String p = amount(market.price(ExchangeId.KRAKEN, listing, millis));
            result.put(listing.symbol(), obj("a", List.of(p, "1", "1.000"), "b", List.of(p, "1", "1.000"),
                    "c", List.of(p, "0.01000000"), "v", List.of("12.5", "250.75"), "p", List.of(p, p),
                    "t", List.of(120, 2400), "l", List.of(p, p), "h", List.of(p, p), "o", p));
        }
        return result;
    }

    /** KuCoin {@code GET /api/v1/market/allTickers}: the {@code data} object. */
    static Map<String, Object> kucoin(EmulatedMarket market, long millis) {
        List<Object> tickers = new ArrayList<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.KUCOIN)) {
            String p = amount(market.price(ExchangeId.KUCOIN, listing, millis));
            tickers.add(obj("symbol", listing.symbol(), "symbolName", listing.symbol(), "buy", p, "sell", p,
                    "changeRate", "0.0012", "changePrice", "0", "high", p, "low", p, "vol", "1000", "volValue", "1000",
                    "last", p, "averagePrice", p, "takerFeeRate", "0.001", "makerFeeRate", "0.001",
                    "takerCoefficient", "1", "makerCoefficient", "1"));
        }
        return obj("time", millis, "ticker", tickers);
    }

    /** Coinbase {@code GET /products/<id>/ticker}; empty for a product that is not listed. */
    static Optional<Object> coinbase(EmulatedMarket market, long millis, String productId) {
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.COINBASE)) {
            if (listing.symbol().equals(productId)) {
                BigDecimal price = market.price(ExchangeId.COINBASE, listing, millis);
                return Optional.of(obj("ask", amount(price), "bid", amount(price), "volume", "1520.5", "trade_id", millis / 1000,
                        "price", amount(price), "size", "0.01", "time", Instant.ofEpochMilli(millis).toString()));
            }
        }
        return Optional.empty();
    }

    /** OKX {@code GET /api/v5/market/tickers?instType=SPOT}: the {@code data} list. */
    static List<Object> okx(EmulatedMarket market, long millis) {
        List<Object> tickers = new ArrayList<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.OKX)) {
            String p = amount(market.price(ExchangeId.OKX, listing, millis));
            tickers.add(obj("instType", "SPOT", "instId", listing.symbol(), "last", p, "lastSz", "0.01", "askPx", p,
                    "askSz", "1", "bidPx", p, "bidSz", "1", "open24h", p, "high24h", p, "low24h", p, "volCcy24h", "1000",
                    "vol24h", "10", "sodUtc0", p, "sodUtc8", p, "ts", Long.toString(millis)));
        }
        return tickers;
    }
}
