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

    /** Bybit {@code GET /v5/market/tickers?category=spot}: the {@code result} object. */
    static Map<String, Object> bybit(EmulatedMarket market, long millis) {
        List<Object> tickers = new ArrayList<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.BYBIT)) {
            String p = amount(market.price(ExchangeId.BYBIT, listing, millis));
            tickers.add(obj("symbol", listing.symbol(), "bid1Price", p, "bid1Size", "1", "ask1Price", p, "ask1Size", "1",
                    "lastPrice", p, "prevPrice24h", p, "price24hPcnt", "0.0012", "highPrice24h", p, "lowPrice24h", p,
                    "turnover24h", "1000", "volume24h", "10", "usdIndexPrice", ""));
        }
        return obj("category", "spot", "list", tickers);
    }

    /** Bybit {@code GET /v5/market/instruments-info?category=spot}: the {@code result} object, in one page. */
    static Map<String, Object> bybitInstruments(EmulatedMarket market) {
        List<Object> instruments = new ArrayList<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.BYBIT)) {
            instruments.add(obj("symbol", listing.symbol(), "baseCoin", listing.baseCode(), "quoteCoin", listing.quoteCode(),
                    "innovation", "0", "status", "Trading", "marginTrading", "none",
                    "lotSizeFilter", obj("basePrecision", "0.000001", "quotePrecision", "0.00000001", "minOrderQty", "0.000048",
                            "maxOrderQty", "71.73956243", "minOrderAmt", "1", "maxOrderAmt", "2000000"),
                    "priceFilter", obj("tickSize", "0.01")));
        }
        return obj("category", "spot", "list", instruments, "nextPageCursor", "");
    }

    /** Bitstamp {@code GET /api/v2/ticker/}: every pair, named {@code BTC/USD}, with its own time in seconds. */
    static List<Object> bitstamp(EmulatedMarket market, long millis) {
        List<Object> tickers = new ArrayList<>();
        String seconds = Long.toString(Math.floorDiv(millis, 1000));
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.BITSTAMP)) {
            String p = amount(market.price(ExchangeId.BITSTAMP, listing, millis));
            tickers.add(obj("timestamp", seconds, "open", p, "high", p, "low", p, "last", p, "volume", "120.5", "vwap", p,
                    "bid", p, "ask", p, "side", "0", "open_24", p, "percent_change_24", "0.12", "pair", listing.symbol(),
                    "market_type", "SPOT"));
        }
        return tickers;
    }

    /** Gemini {@code GET /v1/pricefeed}: every pair, upper case, without a time. */
    static List<Object> gemini(EmulatedMarket market, long millis) {
        List<Object> tickers = new ArrayList<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.GEMINI)) {
            tickers.add(obj("pair", listing.symbol(), "price", amount(market.price(ExchangeId.GEMINI, listing, millis)),
                    "percentChange24h", "0.0012"));
        }
        return tickers;
    }

    /** Gemini {@code GET /v1/symbols/details/all}: each pair's base and quote currency. */
    static List<Object> geminiSymbols(EmulatedMarket market) {
        List<Object> symbols = new ArrayList<>();
        for (EmulatedMarket.Listing listing : market.listings(ExchangeId.GEMINI)) {
            symbols.add(obj("symbol", listing.symbol(), "base_currency", listing.baseCode(), "quote_currency", listing.quoteCode(),
                    "tick_size", 1e-8, "quote_increment", 0.01, "min_order_size", "0.00001", "status", "open",
                    "wrap_enabled", false, "product_type", "spot", "contract_type", "vanilla", "contract_price_currency",
                    listing.quoteCode()));
        }
        return symbols;
    }
}
