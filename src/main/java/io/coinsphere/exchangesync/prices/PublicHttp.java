package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * GETs a public JSON document from an exchange through its guard (circuit breaker, pauses, rate budget), with the
 * exchange's configured base URL and timeouts. Failures come out as the exchange flow's own exceptions.
 */
@Component
public class PublicHttp {

    /** The guard's key for market data calls: not an API key, only a name for their own bucket and pauses. */
    static final String PUBLIC = "public-market-data";

    private final ExchangesProperties exchanges;
    private final ExchangeGuards guards;
    private final ObjectMapper json;
    private final HttpClient client;

    public PublicHttp(ExchangesProperties exchanges, ExchangeGuards guards, ObjectMapper json) {
        this.exchanges = exchanges;
        this.guards = guards;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(exchanges.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code path} starts with a slash and may carry a query; {@code cost} is the call's request weight. */
    public JsonNode get(ExchangeId exchange, String path, long cost) {
        // Public calls draw from the exchange's shared budget (Binance counts per address) or from a bucket of their
        // own where budgets are per key, never from a user's; a Kraken rate-limit pause then stops only them.
        return guards.of(exchange).call(PUBLIC, cost, () -> send(exchange, path));
    }

    private JsonNode send(ExchangeId exchange, String path) {
        String base = exchanges.endpoint(exchange).baseUrl().toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(exchanges.readTimeout())
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ExchangeUnavailable(exchange.displayName() + " market data could not be read: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable(exchange.displayName() + " market data: interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            Duration wait = response.headers().firstValue("Retry-After").map(PublicHttp::seconds).orElse(null);
            throw new RateLimited(exchange.displayName() + " limits our market data requests", wait);
        }
        if (status != 200) {
            throw new ExchangeUnavailable(exchange.displayName() + " market data answered HTTP " + status);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ExchangeUnavailable(exchange.displayName() + " market data is not JSON", e);
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
