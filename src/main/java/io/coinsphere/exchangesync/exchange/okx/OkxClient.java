package io.coinsphere.exchangesync.exchange.okx;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.signing.OkxSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GET requests to OKX's v5 REST API over the JDK's HTTP client, signed per request. Answers are read with exact
 * decimals; {@code {"code":"0","data":[...]}} gives its {@code data}, any other code or status one of our failures.
 * Thread-safe: no key stays in it after a call.
 */
final class OkxClient {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    OkxClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** A signed GET of {@code pathWithQuery}, its timestamp taken from OKX's clock. */
    JsonNode get(String pathWithQuery, ApiCredentials credentials, long nowMillis) {
        String timestamp = OkxSignature.timestamp(nowMillis);
        HttpRequest.Builder request = request(pathWithQuery)
                .header("OK-ACCESS-KEY", credentials.apiKey())
                .header("OK-ACCESS-SIGN", OkxSignature.sign(credentials.apiSecret(), timestamp, "GET", pathWithQuery, ""))
                .header("OK-ACCESS-TIMESTAMP", timestamp)
                .header("OK-ACCESS-PASSPHRASE", credentials.passphrase());
        return send(request);
    }

    /** A public GET (server time). */
    JsonNode getPublic(String path) {
        return send(request(path));
    }

    private HttpRequest.Builder request(String pathWithQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathWithQuery)).timeout(readTimeout)
                .header("Accept", "application/json").GET();
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("The call to OKX was interrupted; the sync will retry later.");
        } catch (IOException e) {
            throw OkxErrors.translate(e);
        }
        JsonNode body = read(response.body());
        String code = body == null ? null : body.path("code").asText(null);
        if (response.statusCode() != 200 || !"0".equals(code)) {
            throw OkxErrors.fromResponse(response.statusCode(), code, body == null ? "" : body.path("msg").asText(""),
                    response.headers().map());
        }
        JsonNode data = body.path("data");
        if (!data.isArray()) {
            throw new ExchangeUnavailable("OKX sent an answer we could not read; the sync will retry later.");
        }
        return data;
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
