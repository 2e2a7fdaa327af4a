package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import java.net.http.HttpRequest;

/**
 * Coinbase Advanced Trade's authentication: each GET carries its own JWT, made for that request's method, host and
 * path. Answers are JSON objects. Thread-safe: one client serves every key, and no key stays in it after a call.
 */
final class CdpClient {

    private final ExchangeHttp http;

    CdpClient(ExchangeHttp http) {
        this.http = http;
    }

    /** A signed GET of {@code path} with {@code query} ("" for none), the JWT made on Coinbase's clock. */
    JsonNode get(String path, String query, CdpKey key, long nowSeconds) {
        String token = CdpJwt.sign(key, CdpJwt.uri("GET", http.baseUrl(), path), nowSeconds);
        return send(http.get(path + (query.isEmpty() ? "" : "?" + query)).header("Authorization", "Bearer " + token));
    }

    /** A public GET (server time). */
    JsonNode getPublic(String path) {
        return send(http.get(path));
    }

    private JsonNode send(HttpRequest.Builder request) {
        JsonNode body = http.tree(http.sendExpectingOk(request.build(), CoinbaseAdvancedErrors::fromResponse).body());
        if (!body.isObject()) {
            throw new ExchangeUnavailable("Coinbase sent an answer we could not read; the sync will retry later.");
        }
        return body;
    }
}
