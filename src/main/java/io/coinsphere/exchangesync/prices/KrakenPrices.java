package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.kraken.KrakenAssetCodes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Kraken: {@code GET /0/public/Ticker} (every pair when no pair is given) gives {@code result.<pair>.c[0]}, the last
 * trade's price; {@code GET /0/public/AssetPairs} (read hourly) names each pair's base and quote in Kraken's codes
 * ({@code XXBT}, {@code ZUSD}), which become ours ({@code BTC}, {@code USD}).
 */
@Component
class KrakenPrices implements PriceSource {

    private final PublicHttp http;
    private final Clock clock;
    private final PairNames names;

    KrakenPrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
        this.names = PairNames.hourly(this::assetPairs);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.KRAKEN;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        Map<String, PairNames.Pair> pairs = names.get(clock.instant());
        JsonNode result = result(http.get(ExchangeId.KRAKEN, "/0/public/Ticker", 1));
        Instant now = clock.instant();
        List<MarketPrice> prices = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> ticker = it.next();
            PairNames.Pair pair = pairs.get(ticker.getKey());
            BigDecimal price = Prices.parse(ticker.getValue().path("c").path(0));
            if (pair != null && price != null) {
                prices.add(new MarketPrice(pair.base(), pair.quote(), price, exchange().id(), now));
            }
        }
        return prices;
    }

    private Map<String, PairNames.Pair> assetPairs() {
        Map<String, PairNames.Pair> pairs = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result(http.get(ExchangeId.KRAKEN, "/0/public/AssetPairs", 1)).fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = it.next();
            String base = pair.getValue().path("base").asText("");
            String quote = pair.getValue().path("quote").asText("");
            // Dark-pool pairs (".d") trade the same assets: their price is the regular pair's.
            if (!base.isEmpty() && !quote.isEmpty() && !pair.getKey().endsWith(".d")) {
                pairs.put(pair.getKey(), new PairNames.Pair(KrakenAssetCodes.toSymbol(base), KrakenAssetCodes.toSymbol(quote)));
            }
        }
        return pairs;
    }

    /** Kraken answers 200 with {@code {"error":["..."]}} when it fails. */
    private static JsonNode result(JsonNode body) {
        JsonNode errors = body.path("error");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new ExchangeUnavailable("Kraken market data: " + errors.path(0).asText());
        }
        return body.path("result");
    }
}
