package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Bybit v5: {@code GET /v5/market/tickers?category=spot} gives every spot pair in one call,
 * {@code {"retCode":0,"result":{"category":"spot","list":[{"symbol":"BTCUSDT","lastPrice":"..."}]},"time":<ms>}};
 * the symbol runs base and quote together, so {@code GET /v5/market/instruments-info?category=spot} ({@code baseCoin},
 * {@code quoteCoin}, {@code status} "Trading"; read hourly) splits it. Public calls count against Bybit's limit per
 * address (600 per 5 s), not a key's. The tickers have no time of their own: the answer's {@code time} is used.
 * Shapes checked against Bybit's v5 reference as quoted by the bybit-api (Node) SDK's types and a Rust client's
 * comments, the official pages not being at hand.
 */
@Component
class BybitPrices implements PriceSource {

    /** Spot instruments come in one page; the cursor is followed anyway, this far at most. */
    private static final int MAX_PAGES = 10;

    private final PublicHttp http;
    private final Clock clock;
    private final PairNames names;

    BybitPrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
        this.names = PairNames.hourly(this::instruments);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BYBIT;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        Map<String, PairNames.Pair> pairs = names.get(clock.instant());
        JsonNode body = result(http.get(ExchangeId.BYBIT, "/v5/market/tickers?category=spot", 1));
        long millis = body.path("time").asLong(0);
        Instant at = millis > 0 ? Instant.ofEpochMilli(millis) : clock.instant();
        return PairNames.priced(pairs, body.path("result").path("list"), "symbol", "lastPrice", exchange(), at);
    }

    private Map<String, PairNames.Pair> instruments() {
        Map<String, PairNames.Pair> pairs = new HashMap<>();
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = "/v5/market/instruments-info?category=spot"
                    + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode result = result(http.get(ExchangeId.BYBIT, path, 1)).path("result");
            for (JsonNode instrument : result.path("list")) {
                if ("Trading".equals(instrument.path("status").asText())) {
                    pairs.put(Prices.symbol(instrument.path("symbol").asText()), new PairNames.Pair(Prices.symbol(instrument.path("baseCoin").asText()),
                            Prices.symbol(instrument.path("quoteCoin").asText())));
                }
            }
            cursor = result.path("nextPageCursor").asText("");
            if (cursor.isEmpty()) {
                break;
            }
        }
        return pairs;
    }

    /** Bybit answers HTTP 200 with a non-zero {@code retCode} when it fails. */
    private static JsonNode result(JsonNode body) {
        if (body.path("retCode").asInt(-1) != 0) {
            throw new ExchangeUnavailable("Bybit market data answered retCode " + body.path("retCode").asText("?") + ": "
                    + body.path("retMsg").asText(""));
        }
        return body;
    }
}
