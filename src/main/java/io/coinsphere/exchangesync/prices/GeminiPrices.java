package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Gemini: {@code GET /v1/pricefeed} gives every pair's price in one call, {@code [{"pair":"BTCUSD","price":"...",
 * "percentChange24h":"..."}]}, with no time (the price is as of the answer). The pair runs base and quote together.
 * Splitting it by a list of known quote currencies misreads pairs whose base ends in one ({@code 2ZRLUSD} would read
 * as {@code 2ZRL}/{@code USD}, not {@code 2Z}/{@code RLUSD}), and {@code /v1/symbols/details/{symbol}} per pair costs
 * hundreds of calls; so {@code GET /v1/symbols/details/all} (read hourly, one call) gives each symbol's own
 * {@code base_currency} and {@code quote_currency}, and closed or non-spot symbols are left out. Public calls are
 * limited per address (120 per minute). Shapes checked against third-party clients (a Java client's pricefeed record,
 * connectors that read the details of all symbols), the official reference not being at hand.
 */
@Component
class GeminiPrices implements PriceSource {

    private final PublicHttp http;
    private final Clock clock;
    private final PairNames names;

    GeminiPrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
        this.names = PairNames.hourly(this::symbols);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.GEMINI;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        Map<String, PairNames.Pair> pairs = names.get(clock.instant());
        JsonNode feed = http.get(ExchangeId.GEMINI, "/v1/pricefeed", 1);
        return PairNames.priced(pairs, feed, "pair", "price", exchange(), clock.instant());
    }

    private Map<String, PairNames.Pair> symbols() {
        Map<String, PairNames.Pair> pairs = new HashMap<>();
        for (JsonNode symbol : http.get(ExchangeId.GEMINI, "/v1/symbols/details/all", 1)) {
            String status = symbol.path("status").asText("open");
            String type = symbol.path("product_type").asText("spot");
            String base = symbol.path("base_currency").asText("");
            String quote = symbol.path("quote_currency").asText("");
            if (!"closed".equalsIgnoreCase(status) && "spot".equalsIgnoreCase(type) && !base.isEmpty() && !quote.isEmpty()) {
                pairs.put(Prices.symbol(symbol.path("symbol").asText("")), new PairNames.Pair(Prices.symbol(base),
                        Prices.symbol(quote)));
            }
        }
        return pairs;
    }
}
