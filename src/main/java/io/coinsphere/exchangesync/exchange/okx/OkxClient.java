package io.coinsphere.exchangesync.exchange.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import io.coinsphere.exchangesync.exchange.signing.OkxSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * OKX's v5 request signature and answer envelope: {@code {"code":"0","data":[...]}} gives its {@code data}, any
 * other code or status one of our failures. Thread-safe: no key stays in it after a call.
 */
final class OkxClient {

    private final ExchangeHttp http;

    OkxClient(ExchangeHttp http) {
        this.http = http;
    }

    /** A signed GET of {@code pathWithQuery}, its timestamp taken from OKX's clock. */
    JsonNode get(String pathWithQuery, ApiCredentials credentials, long nowMillis) {
        String timestamp = OkxSignature.timestamp(nowMillis);
        return send(http.get(pathWithQuery)
                .header("OK-ACCESS-KEY", credentials.apiKey())
                .header("OK-ACCESS-SIGN", OkxSignature.sign(credentials.apiSecret(), timestamp, "GET", pathWithQuery, ""))
                .header("OK-ACCESS-TIMESTAMP", timestamp)
                .header("OK-ACCESS-PASSPHRASE", credentials.passphrase()));
    }

    /** A public GET (server time). */
    JsonNode getPublic(String path) {
        return send(http.get(path));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response = http.send(request.build());
        JsonNode body = ExchangeHttp.objectOrNull(response.body());
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
}
