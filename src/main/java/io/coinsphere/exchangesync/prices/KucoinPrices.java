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
 * KuCoin: {@code GET /api/v1/market/allTickers} gives
 * {@code {"code":"200000","data":{"time":<ms>,"ticker":[{"symbol":"BTC-USDT","last":"..."}]}}} in one call; the
 * symbol names base and quote itself.
 */
@Component
class KucoinPrices implements PriceSource {

    private final PublicHttp http;
    private final Clock clock;

    KucoinPrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.KUCOIN;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        JsonNode body = http.get(ExchangeId.KUCOIN, "/api/v1/market/allTickers", 1);
        if (!"200000".equals(body.path("code").asText())) {
            throw new ExchangeUnavailable("KuCoin market data answered code " + body.path("code").asText("?"));
        }
        long millis = body.path("data").path("time").asLong(0);
        Instant at = millis > 0 ? Instant.ofEpochMilli(millis) : clock.instant();
        List<MarketPrice> prices = new ArrayList<>();
        for (JsonNode ticker : body.path("data").path("ticker")) {
            String[] pair = ticker.path("symbol").asText("").split("-");
            BigDecimal price = Prices.parse(ticker.get("last"));
            if (pair.length == 2 && price != null) {
                prices.add(new MarketPrice(Prices.symbol(pair[0]), Prices.symbol(pair[1]), price, exchange().id(), at));
            }
        }
        return prices;
    }
}
