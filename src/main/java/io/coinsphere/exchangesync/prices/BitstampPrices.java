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
 * Bitstamp: {@code GET /api/v2/ticker/} (no pair) gives every pair in one call,
 * {@code [{"pair":"BTC/USD","last":"...","timestamp":"<s>",...}]}; the pair names base and quote itself, and each
 * ticker has its own time in seconds. One call of the address's 10,000 per 10 minutes. Shape checked against
 * third-party clients that read this all-pairs ticker (the per-pair {@code /api/v2/ticker/{pair}/} has the same fields
 * without {@code pair}), the official reference not being at hand.
 */
@Component
class BitstampPrices implements PriceSource {

    private final PublicHttp http;
    private final Clock clock;

    BitstampPrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BITSTAMP;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        JsonNode tickers = http.get(ExchangeId.BITSTAMP, "/api/v2/ticker/", 1);
        if (!tickers.isArray()) {
            throw new ExchangeUnavailable("Bitstamp market data: " + tickers.path("reason").asText("not a list of tickers"));
        }
        List<MarketPrice> prices = new ArrayList<>();
        for (JsonNode ticker : tickers) {
            String[] pair = ticker.path("pair").asText("").split("/");
            BigDecimal price = Prices.parse(ticker.get("last"));
            long seconds = ticker.path("timestamp").asLong(0);
            Instant at = seconds > 0 ? Instant.ofEpochSecond(seconds) : clock.instant();
            if (pair.length == 2 && !pair[0].isBlank() && !pair[1].isBlank() && price != null) {
                prices.add(new MarketPrice(Prices.symbol(pair[0]), Prices.symbol(pair[1]), price, exchange().id(), at));
            }
        }
        return prices;
    }
}
