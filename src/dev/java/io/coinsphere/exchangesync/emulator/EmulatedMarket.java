package io.coinsphere.exchangesync.emulator;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public market data of the emulated exchanges: each lists its own pairs under its own names, with prices
 * that drift gently with time (a few percent over hours), the same asset priced alike everywhere. Some pairs are
 * missing on purpose, as on the real exchanges: Binance quotes nothing in USD, KuCoin lists no DOT, and no
 * exchange lists GHOST. Each exchange's own token trades there only (OKB at OKX, MNT at Bybit). Tests can fix a
 * pair's price or delist it.
 */
public final class EmulatedMarket {

    /** One listed pair: our symbols, the exchange's name for the pair and its own asset codes (Kraken's XXBT). */
    public record Listing(String base, String quote, String symbol, String baseCode, String quoteCode) {
    }

    private static final MathContext SIGNIFICANT = new MathContext(10);
    private static final double HOURS = 3_600_000d;

    /** What one unit is worth in US dollars at the middle of the drift. */
    private static final Map<String, Double> USD = Map.ofEntries(Map.entry("BTC", 64_000d), Map.entry("ETH", 3_200d),
            Map.entry("BNB", 580d), Map.entry("SOL", 150d), Map.entry("DOT", 7.2d), Map.entry("USDT", 1.0003d),
            Map.entry("USDC", 0.9998d), Map.entry("EUR", 1.08d), Map.entry("GBP", 1.27d), Map.entry("USD", 1d),
            Map.entry("XRP", 0.62d), Map.entry("TON", 5.4d), Map.entry("OKB", 47d), Map.entry("MNT", 0.85d),
            Map.entry("LINK", 14.5d), Map.entry("GUSD", 1d));
    private static final Set<String> STEADY = Set.of("USD", "USDT", "USDC", "EUR", "GBP", "GUSD");

    private static final Map<ExchangeId, List<Listing>> LISTINGS = Map.of(
            ExchangeId.BINANCE, List.of(joined("BTC", "USDT"), joined("ETH", "USDT"), joined("BNB", "USDT"), joined("SOL", "USDT"),
                    joined("DOT", "USDT"), joined("ETH", "BTC"), joined("BNB", "BTC"), joined("USDC", "USDT"), joined("EUR", "USDT"),
                    joined("BTC", "EUR"), joined("XRP", "USDT"), joined("TON", "USDT")),
            ExchangeId.KRAKEN, List.of(kraken("BTC", "USD", "XXBTZUSD", "XXBT", "ZUSD"), kraken("ETH", "USD", "XETHZUSD", "XETH", "ZUSD"),
                    kraken("BTC", "EUR", "XXBTZEUR", "XXBT", "ZEUR"), kraken("ETH", "EUR", "XETHZEUR", "XETH", "ZEUR"),
                    kraken("BTC", "GBP", "XXBTZGBP", "XXBT", "ZGBP"), kraken("DOT", "USD", "DOTUSD", "DOT", "ZUSD"),
                    kraken("DOT", "EUR", "DOTEUR", "DOT", "ZEUR"), kraken("SOL", "USD", "SOLUSD", "SOL", "ZUSD"),
                    kraken("USDT", "USD", "USDTZUSD", "USDT", "ZUSD"), kraken("USDC", "USD", "USDCUSD", "USDC", "ZUSD"),
                    kraken("EUR", "USD", "ZEURZUSD", "ZEUR", "ZUSD"), kraken("GBP", "USD", "ZGBPZUSD", "ZGBP", "ZUSD")),
            ExchangeId.KUCOIN, List.of(dashed("BTC", "USDT"), dashed("ETH", "USDT"), dashed("SOL", "USDT"), dashed("ETH", "BTC"),
                    dashed("USDC", "USDT"), dashed("BTC", "USDC")),
            ExchangeId.COINBASE, List.of(dashed("BTC", "USD"), dashed("ETH", "USD"), dashed("ETH", "BTC"), dashed("USDT", "USD"),
                    dashed("BTC", "EUR"), dashed("ETH", "EUR"), dashed("BTC", "GBP"), dashed("SOL", "USD"), dashed("DOT", "USD"),
                    dashed("XRP", "USD")),
            // OKB, OKX's own token, has a market at OKX only.
            ExchangeId.OKX, List.of(dashed("BTC", "USDT"), dashed("ETH", "USDT"), dashed("OKB", "USDT"), dashed("TON", "USDT"),
                    dashed("XRP", "USDT"), dashed("SOL", "USDT"), dashed("USDC", "USDT"), dashed("BTC", "USDC")),
            // MNT (Mantle), Bybit's own token, has a market at Bybit only.
            ExchangeId.BYBIT, List.of(joined("BTC", "USDT"), joined("ETH", "USDT"), joined("SOL", "USDT"), joined("XRP", "USDT"),
                    joined("USDC", "USDT"), joined("TON", "USDT"), joined("MNT", "USDT"), joined("DOT", "USDT"), joined("BTC", "USDC"),
                    joined("MNT", "USDC")),
            // Bitstamp names pairs "BTC/USD" in its all-pairs ticker; it quotes no USDT against the euro here, so the
            // tests' pinned EUR/USDT stays the only EUR route for USDT.
            ExchangeId.BITSTAMP, List.of(slashed("BTC", "USD"), slashed("ETH", "USD"), slashed("BTC", "EUR"), slashed("ETH", "EUR"),
                    slashed("XRP", "USD"), slashed("USDC", "USD"), slashed("USDT", "USD"), slashed("EUR", "USD"), slashed("GBP", "USD"),
                    slashed("LINK", "USD"), slashed("LINK", "EUR")),
            // Gemini quotes GUSD, its own dollar, against BTC and ETH: GUSD is valued through them.
            ExchangeId.GEMINI, List.of(joined("BTC", "USD"), joined("ETH", "USD"), joined("ETH", "BTC"), joined("SOL", "USD"),
                    joined("LINK", "USD"), joined("BTC", "GUSD"), joined("ETH", "GUSD")));

    private final Map<String, BigDecimal> fixed = new ConcurrentHashMap<>();
    private final Set<String> delisted = ConcurrentHashMap.newKeySet();

    /** The pairs the exchange lists right now. */
    public List<Listing> listings(ExchangeId exchange) {
        return LISTINGS.getOrDefault(exchange, List.of()).stream()
                .filter(l -> !delisted.contains(key(exchange, l.symbol()))).toList();
    }

    /** The pair's last price at {@code millis}: 1 base in quote. */
    public BigDecimal price(ExchangeId exchange, Listing listing, long millis) {
        BigDecimal pinned = fixed.get(key(exchange, listing.symbol()));
        if (pinned != null) {
            return pinned;
        }
        double value = usd(listing.base(), millis) / usd(listing.quote(), millis);
        return new BigDecimal(value, SIGNIFICANT).stripTrailingZeros();
    }

    /** Fixes a pair's price (its exchange symbol, e.g. {@code BTCUSDT}, {@code XXBTZUSD}, {@code BTC-USD}); null drifts again. */
    public void setPrice(ExchangeId exchange, String symbol, BigDecimal price) {
        if (price == null) {
            fixed.remove(key(exchange, symbol));
        } else {
            fixed.put(key(exchange, symbol), price);
        }
    }

    /** Removes a pair from the exchange's lists and tickers, or lists it again. */
    public void setListed(ExchangeId exchange, String symbol, boolean listed) {
        if (listed) {
            delisted.remove(key(exchange, symbol));
        } else {
            delisted.add(key(exchange, symbol));
        }
    }

    /** Dollar value with a slow swing (about 4 % over 9 h) and a small faster one; stable assets barely move. */
    static double usd(String asset, long millis) {
        double mid = USD.getOrDefault(asset, 1d);
        double phase = Math.abs(asset.hashCode() % 360) * Math.PI / 180;
        double hours = millis / HOURS;
        double amplitude = STEADY.contains(asset) ? 0.0005 : 0.02;
        return mid * (1 + amplitude * Math.sin(2 * Math.PI * hours / 9 + phase) + amplitude / 5 * Math.sin(2 * Math.PI * hours * 2.7 + phase));
    }

    private static String key(ExchangeId exchange, String symbol) {
        return exchange.id() + "/" + symbol;
    }

    private static Listing joined(String base, String quote) {
        return new Listing(base, quote, base + quote, base, quote);
    }

    private static Listing dashed(String base, String quote) {
        return new Listing(base, quote, base + "-" + quote, base, quote);
    }

    private static Listing slashed(String base, String quote) {
        return new Listing(base, quote, base + "/" + quote, base, quote);
    }

    private static Listing kraken(String base, String quote, String symbol, String baseCode, String quoteCode) {
        return new Listing(base, quote, symbol, baseCode, quoteCode);
    }
}
