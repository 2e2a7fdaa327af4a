package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.obj;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kraken's public metadata, minimal but shaped like the real {@code Assets} and {@code AssetPairs}. */
final class KrakenStatic {

    private KrakenStatic() {
    }

    static Map<String, Object> assets() {
        Map<String, Object> assets = new LinkedHashMap<>();
        assets.put("DOT", asset("DOT", 10, 8));
        assets.put("DOT.S", asset("DOT.S", 10, 8));
        assets.put("XETH", asset("ETH", 10, 5));
        assets.put("XXBT", asset("XBT", 10, 5));
        assets.put("XXDG", asset("XDG", 8, 2));
        assets.put("ZEUR", asset("EUR", 4, 2));
        assets.put("ZUSD", asset("USD", 4, 2));
        return assets;
    }

    static Map<String, Object> assetPairs(List<EmulatedMarket.Listing> listings) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (EmulatedMarket.Listing l : listings) {
            String base = l.base().equals("BTC") ? "XBT" : l.base();
            pairs.put(l.symbol(), pair(base + l.quote(), base + "/" + l.quote(), l.baseCode(), l.quoteCode(), 2, "0.01"));
        }
        return pairs;
    }

    private static Map<String, Object> asset(String altname, int decimals, int displayDecimals) {
        return obj("aclass", "currency", "altname", altname, "decimals", decimals,
                "display_decimals", displayDecimals, "status", "enabled");
    }

    private static Map<String, Object> pair(String altname, String wsname, String base, String quote,
                                            int pairDecimals, String tickSize) {
        return obj("altname", altname, "wsname", wsname, "aclass_base", "currency", "base", base,
                "aclass_quote", "currency", "quote", quote, "lot", "unit", "cost_decimals", 5,
                "pair_decimals", pairDecimals, "lot_decimals", 8, "lot_multiplier", 1,
                "leverage_buy", List.of(), "leverage_sell", List.of(),
                "fees", List.of(List.of(0, 0.26), List.of(50000, 0.24)),
                "fees_maker", List.of(List.of(0, 0.16), List.of(50000, 0.14)),
                "fee_volume_currency", "ZUSD", "margin_call", 80, "margin_stop", 40,
                "ordermin", "0.0001", "costmin", "0.5", "tick_size", tickSize, "status", "online");
    }
}
