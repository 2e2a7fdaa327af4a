package io.coinsphere.exchangesync.exchange.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import io.coinsphere.exchangesync.exchange.signing.GeminiSignature;
import java.net.http.HttpRequest;

/**
 * Gemini's request signature: POSTs without a body whose JSON payload travels base64-encoded in a header, signed
 * with HMAC-SHA384. Thread-safe; no key stays in it after a call.
 */
final class GeminiClient {

    private final ExchangeHttp http;

    GeminiClient(ExchangeHttp http) {
        this.http = http;
    }

    /** A signed POST of {@code path} with {@code nonce}. */
    JsonNode post(String path, ApiCredentials credentials, long nonce) {
        String payload = GeminiSignature.encode(GeminiSignature.payloadJson(path, nonce));
        return send(http.request(path)
                .header("Content-Type", "text/plain")
                .header("Cache-Control", "no-cache")
                .header("X-GEMINI-APIKEY", credentials.apiKey())
                .header("X-GEMINI-PAYLOAD", payload)
                .header("X-GEMINI-SIGNATURE", GeminiSignature.sign(credentials.apiSecret(), payload))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A public GET (the ticker, for Gemini's clock). */
    JsonNode getPublic(String path) {
        return send(http.request(path).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        return http.nonEmptyTree(http.sendExpectingOk(request, GeminiErrors::fromResponse).body());
    }
}
