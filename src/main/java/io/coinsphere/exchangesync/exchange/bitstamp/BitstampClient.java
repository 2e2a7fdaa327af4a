package io.coinsphere.exchangesync.exchange.bitstamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import io.coinsphere.exchangesync.exchange.signing.BitstampSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

/**
 * Bitstamp's v2 authentication: body-less POSTs signed with a fresh UUID nonce (Bitstamp refuses one seen in the
 * last 150 s) and a millisecond timestamp on Bitstamp's clock, and the answer's own signature checked. Thread-safe;
 * no key stays in it after a call.
 */
final class BitstampClient {

    private final ExchangeHttp http;
    private final String host;

    BitstampClient(ExchangeHttp http) {
        this.http = http;
        this.host = host(http.baseUrl());
    }

    /** A signed, body-less POST of {@code path}, timestamped {@code nowMillis} on Bitstamp's clock. */
    JsonNode post(String path, ApiCredentials credentials, long nowMillis) {
        String nonce = UUID.randomUUID().toString();
        String timestamp = Long.toString(nowMillis);
        String signature = BitstampSignature.sign(credentials.apiSecret(), credentials.apiKey(), "POST", host, path, "",
                null, nonce, timestamp, "");
        // No Content-Type: the body is empty, and Bitstamp refuses a Content-Type without one (API0020).
        HttpRequest request = http.request(path)
                .header("Accept", "application/json")
                .header("X-Auth", BitstampSignature.AUTH_PREFIX + credentials.apiKey())
                .header("X-Auth-Signature", signature)
                .header("X-Auth-Nonce", nonce)
                .header("X-Auth-Timestamp", timestamp)
                .header("X-Auth-Version", BitstampSignature.VERSION)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.sendExpectingOk(request, BitstampErrors::fromResponse);
        // SECURITY: an answer signed with our secret comes from Bitstamp, not from something in between.
        FailureTranslation.header(response.headers().map(), "X-Server-Auth-Signature").ifPresent(signed -> {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String expected = BitstampSignature.response(credentials.apiSecret(), nonce, timestamp, contentType, response.body());
            if (!Hmac.constantTimeEquals(expected, signed.toLowerCase(Locale.ROOT))) {
                throw new ExchangeUnavailable("Bitstamp sent an answer whose signature does not match; the sync will retry later.");
            }
        });
        return read(response.body());
    }

    /** A public GET (the ticker, for Bitstamp's clock). */
    JsonNode getPublic(String path) {
        return read(http.sendExpectingOk(http.get(path).build(), BitstampErrors::fromResponse).body());
    }

    private JsonNode read(String body) {
        JsonNode json = http.nonEmptyTree(body);
        // Some errors come with HTTP 200: {"status":"error","reason":...,"code":...}.
        if (json.isObject() && "error".equals(json.path("status").asText())) {
            throw BitstampErrors.fromResponse(200, body, null);
        }
        return json;
    }

    /** The host as the Host header carries it: the port only when it is not the scheme's default. */
    static String host(URI baseUrl) {
        int port = baseUrl.getPort();
        boolean defaultPort = port == -1 || port == 443 && "https".equalsIgnoreCase(baseUrl.getScheme())
                || port == 80 && "http".equalsIgnoreCase(baseUrl.getScheme());
        return baseUrl.getHost() + (defaultPort ? "" : ":" + port);
    }
}
