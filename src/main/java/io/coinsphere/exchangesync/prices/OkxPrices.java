package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * OKX: {@code GET /api/v5/market/tickers?instType=SPOT} gives
 * {@code {"code":"0","data":[{"instId":"BTC-USDT","last":"...","ts":"<ms>"}]}} for every spot pair in one call
 * (20 requests per 2 s per address); the instrument id names base and quote itself.
 */
@Component
class OkxPrices implements PriceSource {

    private final PublicHttp http;
    private final Clock clock;

    OkxPrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.OKX;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        JsonNode body = http.get(ExchangeId.OKX, "/api/v5/market/tickers?instType=SPOT", 1);
        if (!"0".equals(body.path("code").asText())) {
            throw new ExchangeUnavailable("OKX market data answered code " + body.path("code").asText("?"));
        }
        List<MarketPrice> prices = new ArrayList<>();
        for (JsonNode ticker : body.path("data")) {
            String[] pair = ticker.path("instId").asText("").split("-");
            BigDecimal price = Prices.parse(ticker.get("last"));
            long millis = ticker.path("ts").asLong(0);
            Instant at = millis > 0 ? Instant.ofEpochMilli(millis) : clock.instant();
            if (pair.length == 2 && price != null) {
                prices.add(new MarketPrice(Prices.symbol(pair[0]), Prices.symbol(pair[1]), price, exchange().id(), at));
            }
        }
        return prices;
    }
}
