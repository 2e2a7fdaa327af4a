package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.obj;

import java.util.List;
import java.util.Map;

/** Binance's public metadata, minimal but shaped like the real {@code /api/v3/exchangeInfo}. */
final class BinanceStatic {

    private BinanceStatic() {
    }

    static Map<String, Object> exchangeInfo(long serverTime, List<EmulatedMarket.Listing> listings) {
        return obj(
                "timezone", "UTC",
                "serverTime", serverTime,
                "rateLimits", List.of(
                        obj("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 6000),
                        obj("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", 100),
                        obj("rateLimitType", "RAW_REQUESTS", "interval", "MINUTE", "intervalNum", 5, "limit", 61000)),
                "exchangeFilters", List.of(),
                "symbols", listings.stream().map(l -> symbol(l.base(), l.quote(), "0.00001", "0.0001")).toList());
    }

    private static Map<String, Object> symbol(String base, String quote, String tickSize, String stepSize) {
        return obj(
                "symbol", base + quote,
                "status", "TRADING",
                "baseAsset", base,
                "baseAssetPrecision", 8,
                "quoteAsset", quote,
                "quotePrecision", 8,
                "quoteAssetPrecision", 8,
                "baseCommissionPrecision", 8,
                "quoteCommissionPrecision", 8,
                "orderTypes", List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"),
                "icebergAllowed", true,
                "ocoAllowed", true,
                "quoteOrderQtyMarketAllowed", true,
                "allowTrailingStop", true,
                "cancelReplaceAllowed", true,
                "isSpotTradingAllowed", true,
                "isMarginTradingAllowed", false,
                "filters", List.of(
                        obj("filterType", "PRICE_FILTER", "minPrice", tickSize, "maxPrice", "1000000.00000000",
                                "tickSize", tickSize),
                        obj("filterType", "LOT_SIZE", "minQty", stepSize, "maxQty", "9000.00000000",
                                "stepSize", stepSize),
                        obj("filterType", "NOTIONAL", "minNotional", "5.00000000", "applyMinToMarket", true,
                                "maxNotional", "9000000.00000000", "applyMaxToMarket", false, "avgPriceMins", 5)),
                "permissions", List.of(),
                "permissionSets", List.of(List.of("SPOT")),
                "defaultSelfTradePreventionMode", "EXPIRE_MAKER",
                "allowedSelfTradePreventionModes", List.of("EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"));
    }
}
