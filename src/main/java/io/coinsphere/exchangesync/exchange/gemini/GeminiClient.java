package io.coinsphere.exchangesync.exchange.gemini;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.signing.GeminiSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to Gemini over the JDK's HTTP client. Private calls are POSTs without a body whose JSON payload travels
 * base64-encoded in a header, signed with HMAC-SHA384. Answers are JSON trees read with exact decimals.
 * Thread-safe; no key stays in it after a call.
 */
final class GeminiClient {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    GeminiClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** A signed POST of {@code path} with {@code nonce}. */
    JsonNode post(String path, ApiCredentials credentials, long nonce) {
        String payload = GeminiSignature.encode(GeminiSignature.payloadJson(path, nonce));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(readTimeout)
                .header("Content-Type", "text/plain")
                .header("Cache-Control", "no-cache")
                .header("X-GEMINI-APIKEY", credentials.apiKey())
                .header("X-GEMINI-PAYLOAD", payload)
                .header("X-GEMINI-SIGNATURE", GeminiSignature.sign(credentials.apiSecret(), payload))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return send(request);
    }

    /** A public GET (the ticker, for Gemini's clock). */
    JsonNode getPublic(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(readTimeout).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("The call to Gemini was interrupted; the sync will retry later.");
        } catch (IOException e) {
            throw GeminiErrors.translate(e);
        }
        if (response.statusCode() != 200) {
            throw GeminiErrors.fromResponse(response.statusCode(), response.body(), response.headers().map());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json == null || json.isMissingNode()) {
                throw new ExchangeUnavailable("Gemini sent an empty answer; the sync will retry later.");
            }
            return json;
        } catch (IOException e) {
            throw GeminiErrors.translate(e);
        }
    }
}
