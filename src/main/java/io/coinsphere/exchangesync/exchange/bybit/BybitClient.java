package io.coinsphere.exchangesync.exchange.bybit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.signing.BybitSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * GET requests to Bybit's v5 REST API over the JDK's HTTP client, signed per request. Bybit answers
 * {@code {"retCode":0,"retMsg":"OK","result":{...},"retExtInfo":{},"time":...}}; {@code retCode} 0 gives
 * {@code result}, any other code or status one of our failures. Thread-safe: no key stays in it after a call.
 */
final class BybitClient {

    /** Bybit's default; the timestamp must fall in [server time - recv window, server time + 1 s). */
    static final String RECV_WINDOW = "5000";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;
    private final LongSupplier serverNow;

    /** @param serverNow Bybit's clock as we know it, to turn the rate limit's reset timestamp into a wait */
    BybitClient(URI baseUrl, Duration connectTimeout, Duration readTimeout, LongSupplier serverNow) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.readTimeout = readTimeout;
        this.serverNow = serverNow;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** A signed GET of {@code path?query}; the query is signed exactly as it is sent. */
    JsonNode get(String path, String query, ApiCredentials credentials, long nowMillis) {
        String timestamp = Long.toString(nowMillis);
        HttpRequest.Builder request = request(query.isEmpty() ? path : path + "?" + query)
                .header("X-BAPI-API-KEY", credentials.apiKey())
                .header("X-BAPI-TIMESTAMP", timestamp)
                .header("X-BAPI-RECV-WINDOW", RECV_WINDOW)
                .header("X-BAPI-SIGN", BybitSignature.sign(credentials.apiSecret(), timestamp, credentials.apiKey(), RECV_WINDOW, query));
        return send(request, true);
    }

    /** A public GET (server time). */
    JsonNode getPublic(String path) {
        return send(request(path), false);
    }

    private HttpRequest.Builder request(String pathWithQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathWithQuery)).timeout(readTimeout)
                .header("Accept", "application/json").GET();
    }

    private JsonNode send(HttpRequest.Builder request, boolean signed) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("The call to Bybit was interrupted; the sync will retry later.");
        } catch (IOException e) {
            throw BybitErrors.translate(e);
        }
        JsonNode body = read(response.body());
        JsonNode code = body == null ? null : body.get("retCode");
        if (response.statusCode() != 200 || code == null || !code.canConvertToInt() || code.asInt() != 0) {
            throw BybitErrors.fromResponse(response.statusCode(), code == null || !code.canConvertToInt() ? null : code.asInt(),
                    body == null ? "" : body.path("retMsg").asText(""), response.headers().map(), signed ? serverNow : System::currentTimeMillis);
        }
        JsonNode result = body.path("result");
        if (!result.isObject()) {
            throw new ExchangeUnavailable("Bybit sent an answer we could not read; the sync will retry later.");
        }
        return result;
    }

    /** The JSON object of a body, or null when it is not one (a gateway's HTML page). */
    private static JsonNode read(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }
}
