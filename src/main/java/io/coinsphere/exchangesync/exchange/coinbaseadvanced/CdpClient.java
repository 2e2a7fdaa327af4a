package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GET requests to Coinbase Advanced Trade over the JDK's HTTP client, each with its own JWT. Answers are JSON
 * trees read with exact decimals; an error answer or a transport failure comes back as one of our failures.
 * Thread-safe: one client serves every key, and no key stays in it after a call.
 */
final class CdpClient {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String NAME = ExchangeId.COINBASE_ADVANCED.displayName();

    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    CdpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.readTimeout = readTimeout;
        // HTTP/1.1: predictable on every gateway and on the emulator; a request is one small GET.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** A signed GET of {@code path} with {@code query} ("" for none), the JWT made on Coinbase's clock. */
    JsonNode get(String path, String query, CdpKey key, long nowSeconds) {
        String token = CdpJwt.sign(key, CdpJwt.uri("GET", baseUrl, path), nowSeconds);
        return send(path, query, "Bearer " + token);
    }

    /** A public GET (server time). */
    JsonNode getPublic(String path) {
        return send(path, "", null);
    }

    private JsonNode send(String path, String query, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(readTimeout).header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("The call to " + NAME + " was interrupted; the sync will retry later.");
        } catch (IOException e) {
            throw CoinbaseAdvancedErrors.translate(e);
        }
        if (response.statusCode() != 200) {
            throw CoinbaseAdvancedErrors.fromResponse(response.statusCode(), response.body(), response.headers().map());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new ExchangeUnavailable(NAME + " sent an answer we could not read; the sync will retry later.");
            }
            return body;
        } catch (IOException e) {
            throw CoinbaseAdvancedErrors.translate(e);
        }
    }

    URI baseUrl() {
        return baseUrl;
    }
}
