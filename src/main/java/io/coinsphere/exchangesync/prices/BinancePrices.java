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
 * Binance: {@code GET /api/v3/ticker/price} (every symbol, weight 4) gives {@code [{"symbol":"ETHBTC","price":"0.05"}]};
 * base and quote come from {@code GET /api/v3/exchangeInfo} (weight 20, read hourly). The ticker has no time: the
 * price is as of the answer.
 */
@Component
class BinancePrices implements PriceSource {

    private final PublicHttp http;
    private final Clock clock;
    private final PairNames names;

    BinancePrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
        this.names = PairNames.hourly(this::symbols);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BINANCE;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        Map<String, PairNames.Pair> pairs = names.get(clock.instant());
        JsonNode tickers = http.get(ExchangeId.BINANCE, "/api/v3/ticker/price", 4);
        return PairNames.priced(pairs, tickers, "symbol", "price", exchange(), clock.instant());
    }

    private Map<String, PairNames.Pair> symbols() {
        Map<String, PairNames.Pair> pairs = new HashMap<>();
        for (JsonNode symbol : http.get(ExchangeId.BINANCE, "/api/v3/exchangeInfo", 20).path("symbols")) {
            if ("TRADING".equals(symbol.path("status").asText())) {
                pairs.put(Prices.symbol(symbol.path("symbol").asText()), new PairNames.Pair(Prices.symbol(symbol.path("baseAsset").asText()),
                        Prices.symbol(symbol.path("quoteAsset").asText())));
            }
        }
        return pairs;
    }
}
