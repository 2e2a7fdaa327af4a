package io.coinsphere.exchangesync.exchange.signing;

import java.util.Locale;

/** Coinbase Exchange {@code CB-ACCESS-SIGN}: base64(HMAC-SHA256(base64-decoded secret, prehash)). */
public final class CoinbaseSignature {

    private CoinbaseSignature() {
    }

    /**
     * @param timestamp   the {@code CB-ACCESS-TIMESTAMP} header value (seconds), exactly as sent
     * @param requestPath path plus query string, e.g. {@code /accounts}
     * @param body        the request body, or {@code null}/empty for GET
     */
    public static String sign(String base64Secret, String timestamp, String method, String requestPath, String body) {
        String prehash = timestamp + method.toUpperCase(Locale.ROOT) + requestPath + (body == null ? "" : body);
        return Hmac.base64(Hmac.hmacSha256(Hmac.base64Decode(base64Secret), Hmac.utf8(prehash)));
    }
}
