package io.coinsphere.exchangesync.exchange.bitstamp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.signing.BitstampSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Requests to Bitstamp over the JDK's HTTP client. Private calls are body-less POSTs signed with v2
 * authentication: a fresh UUID nonce (Bitstamp refuses one seen in the last 150 s) and a millisecond
 * timestamp on Bitstamp's clock. Answers are JSON trees read with exact decimals. Thread-safe; no key stays
 * in it after a call.
 */
final class BitstampClient {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String NAME = ExchangeId.BITSTAMP.displayName();

    private final URI baseUrl;
    private final String host;
    private final Duration readTimeout;
    private final HttpClient http;

    BitstampClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.host = host(this.baseUrl);
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** A signed, body-less POST of {@code path}, timestamped {@code nowMillis} on Bitstamp's clock. */
    JsonNode post(String path, ApiCredentials credentials, long nowMillis) {
        String nonce = UUID.randomUUID().toString();
        String timestamp = Long.toString(nowMillis);
        String signature = BitstampSignature.sign(credentials.apiSecret(), credentials.apiKey(), "POST", host, path, "",
                null, nonce, timestamp, "");
        // No Content-Type: the body is empty, and Bitstamp refuses a Content-Type without one (API0020).
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(readTimeout)
                .header("Accept", "application/json")
                .header("X-Auth", BitstampSignature.AUTH_PREFIX + credentials.apiKey())
                .header("X-Auth-Signature", signature)
                .header("X-Auth-Nonce", nonce)
                .header("X-Auth-Timestamp", timestamp)
                .header("X-Auth-Version", BitstampSignature.VERSION)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = send(request);
        // SECURITY: an answer signed with our secret comes from Bitstamp, not from something in between.
        FailureTranslation.header(response.headers().map(), "X-Server-Auth-Signature").ifPresent(signed -> {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String expected = BitstampSignature.response(credentials.apiSecret(), nonce, timestamp, contentType, response.body());
            if (!Hmac.constantTimeEquals(expected, signed.toLowerCase(Locale.ROOT))) {
                throw new ExchangeUnavailable(NAME + " sent an answer whose signature does not match; the sync will retry later.");
            }
        });
        return read(response.body());
    }

    /** A public GET (the ticker, for Bitstamp's clock). */
    JsonNode getPublic(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(readTimeout)
                .header("Accept", "application/json").GET().build();
        return read(send(request).body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("The call to " + NAME + " was interrupted; the sync will retry later.");
        } catch (IOException e) {
            throw BitstampErrors.translate(e);
        }
        if (response.statusCode() != 200) {
            throw BitstampErrors.fromResponse(response.statusCode(), response.body(), response.headers().map());
        }
        return response;
    }

    private static JsonNode read(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new ExchangeUnavailable(NAME + " sent an empty answer; the sync will retry later.");
            }
            // Some errors come with HTTP 200: {"status":"error","reason":...,"code":...}.
            if (json.isObject() && "error".equals(json.path("status").asText())) {
                throw BitstampErrors.fromResponse(200, body, null);
            }
            return json;
        } catch (IOException e) {
            throw BitstampErrors.translate(e);
        }
    }

    /** The host as the Host header carries it: the port only when it is not the scheme's default. */
    static String host(URI baseUrl) {
        int port = baseUrl.getPort();
        boolean defaultPort = port == -1 || port == 443 && "https".equalsIgnoreCase(baseUrl.getScheme())
                || port == 80 && "http".equalsIgnoreCase(baseUrl.getScheme());
        return baseUrl.getHost() + (defaultPort ? "" : ":" + port);
    }
}
