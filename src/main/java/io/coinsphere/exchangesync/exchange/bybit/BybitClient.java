package io.coinsphere.exchangesync.exchange.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import io.coinsphere.exchangesync.exchange.signing.BybitSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.LongSupplier;

/**
 * Bybit's v5 request signature and answer envelope: {@code {"retCode":0,"retMsg":"OK","result":{...},...}};
 * {@code retCode} 0 gives {@code result}, any other code or status one of our failures. Thread-safe: no key stays
 * in it after a call.
 */
final class BybitClient {

    /** Bybit's default; the timestamp must fall in [server time - recv window, server time + 1 s). */
    static final String RECV_WINDOW = "5000";

    private final ExchangeHttp http;
    private final LongSupplier serverNow;

    /** @param serverNow Bybit's clock as we know it, to turn the rate limit's reset timestamp into a wait */
    BybitClient(ExchangeHttp http, LongSupplier serverNow) {
        this.http = http;
        this.serverNow = serverNow;
    }

    /** A signed GET of {@code path?query}; the query is signed exactly as it is sent. */
    JsonNode get(String path, String query, ApiCredentials credentials, long nowMillis) {
        String timestamp = Long.toString(nowMillis);
        return send(http.get(query.isEmpty() ? path : path + "?" + query)
                .header("X-BAPI-API-KEY", credentials.apiKey())
                .header("X-BAPI-TIMESTAMP", timestamp)
                .header("X-BAPI-RECV-WINDOW", RECV_WINDOW)
                .header("X-BAPI-SIGN", BybitSignature.sign(credentials.apiSecret(), timestamp, credentials.apiKey(), RECV_WINDOW, query)),
                serverNow);
    }

    /** A public GET (server time): a reset timestamp is read against our own clock, Bybit's not being known yet. */
    JsonNode getPublic(String path) {
        return send(http.get(path), System::currentTimeMillis);
    }

    private JsonNode send(HttpRequest.Builder request, LongSupplier clock) {
        HttpResponse<String> response = http.send(request.build());
        JsonNode body = ExchangeHttp.objectOrNull(response.body());
        JsonNode code = body == null ? null : body.get("retCode");
        if (response.statusCode() != 200 || code == null || !code.canConvertToInt() || code.asInt() != 0) {
            throw BybitErrors.fromResponse(response.statusCode(), code == null || !code.canConvertToInt() ? null : code.asInt(),
                    body == null ? "" : body.path("retMsg").asText(""), response.headers().map(), clock);
        }
        JsonNode result = body.path("result");
        if (!result.isObject()) {
            throw new ExchangeUnavailable("Bybit sent an answer we could not read; the sync will retry later.");
        }
        return result;
    }
}
