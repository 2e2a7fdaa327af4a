package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.obj;

import java.util.List;
import java.util.Map;

/** Coinbase Exchange's public metadata, minimal but shaped like the real {@code /products} and {@code /currencies}. */
final class CoinbaseStatic {

    private CoinbaseStatic() {
    }

    static List<Map<String, Object>> products(List<EmulatedMarket.Listing> listings) {
        return listings.stream().map(l -> product(l.base(), l.quote(), "0.01", "0.00000001")).toList();
    }

    static List<Map<String, Object>> currencies() {
        return List.of(currency("BTC", "Bitcoin", "0.00000001", "crypto"), currency("ETH", "Ether", "0.00000001", "crypto"),
                currency("USD", "United States Dollar", "0.01", "fiat"), currency("EUR", "Euro", "0.01", "fiat"));
    }

    private static Map<String, Object> product(String base, String quote, String quoteIncrement, String baseIncrement) {
        return obj("id", base + "-" + quote, "base_currency", base, "quote_currency", quote,
                "quote_increment", quoteIncrement, "base_increment", baseIncrement,
                "display_name", base + "/" + quote, "min_market_funds", "1", "margin_enabled", false,
                "post_only", false, "limit_only", false, "cancel_only", false, "status", "online",
                "status_message", "", "trading_disabled", false, "fx_stablecoin", false,
                "max_slippage_percentage", "0.02000000", "auction_mode", false, "high_bid_limit_percentage", "");
    }

    private static Map<String, Object> currency(String id, String name, String minSize, String type) {
        return obj("id", id, "name", name, "min_size", minSize, "status", "online", "message", "",
                "max_precision", minSize, "convertible_to", List.of(),
                "details", obj("type", type, "symbol", "", "sort_order", 0, "push_payment_methods", List.of()));
    }
}
