package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Coinbase Exchange: {@code GET /products} (read hourly) lists the pairs; it has no all-products ticker, so
 * {@code GET /products/<id>/ticker} ({@code {"price":"...","time":"..."}}) is read for the pairs that value
 * someone's holdings only, at most {@link #MAX_PRODUCTS} per refresh.
 */
@Component
class CoinbasePrices implements PriceSource {

    /** Bounds one refresh's calls (Coinbase's public limit is 10 per second per address). */
    static final int MAX_PRODUCTS = 60;

    private final PublicHttp http;
    private final Clock clock;
    private final PairNames names;

    CoinbasePrices(PublicHttp http) {
        this.http = http;
        this.clock = Clock.systemUTC();
        this.names = PairNames.hourly(this::products);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.COINBASE;
    }

    @Override
    public List<MarketPrice> fetch(Set<String> wanted) {
        List<MarketPrice> prices = new ArrayList<>();
        int read = 0;
        for (Map.Entry<String, PairNames.Pair> product : names.get(clock.instant()).entrySet()) {
            PairNames.Pair pair = product.getValue();
            if (!wanted.contains(pair.base()) || !wanted.contains(pair.quote()) || read++ >= MAX_PRODUCTS) {
                continue;
            }
            try {
                JsonNode ticker = http.get(ExchangeId.COINBASE,
                        "/products/" + URLEncoder.encode(product.getKey(), StandardCharsets.UTF_8) + "/ticker", 1);
                BigDecimal price = Prices.parse(ticker.get("price"));
                if (price != null) {
                    prices.add(new MarketPrice(pair.base(), pair.quote(), price, exchange().id(), time(ticker.path("time").asText(""))));
                }
            } catch (RateLimited e) {
                throw e;
            } catch (ExchangeFailure e) {
                // One delisted product must not lose the others' prices.
            }
        }
        return prices;
    }

    private Instant time(String text) {
        try {
            return text.isEmpty() ? clock.instant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private Map<String, PairNames.Pair> products() {
        Map<String, PairNames.Pair> products = new HashMap<>();
        for (JsonNode product : http.get(ExchangeId.COINBASE, "/products", 1)) {
            if ("online".equals(product.path("status").asText()) && !product.path("trading_disabled").asBoolean(false)) {
                products.put(product.path("id").asText(), new PairNames.Pair(Prices.symbol(product.path("base_currency").asText()),
                        Prices.symbol(product.path("quote_currency").asText())));
            }
        }
        return products;
    }
}
