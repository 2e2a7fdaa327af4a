package io.coinsphere.exchangesync.exchange.signing;

import java.util.Locale;

/**
 * Bitstamp's v2 authentication: {@code X-Auth-Signature} = hex HMAC-SHA256(secret, "BITSTAMP " + key + method +
 * host + path + query + content type + nonce + timestamp + "v2" + body). A request without a body sends no
 * Content-Type, and then none is signed either (Bitstamp answers API0020 to a Content-Type without a body).
 * The answer is signed back in {@code X-Server-Auth-Signature} = hex HMAC-SHA256(secret, nonce + timestamp +
 * response content type + response body), so a client can tell Bitstamp's answer from anyone else's.
 */
public final class BitstampSignature {

    public static final String VERSION = "v2";
    public static final String AUTH_PREFIX = "BITSTAMP ";

    private BitstampSignature() {
    }

    /**
     * @param host        the Host header as sent: {@code www.bitstamp.net}, with {@code :port} only when not the default
     * @param query       {@code ?a=1} exactly as sent, or "" for none
     * @param contentType the request's Content-Type, ignored when {@code body} is empty
     */
    public static String sign(String secret, String apiKey, String method, String host, String path, String query,
            String contentType, String nonce, String timestamp, String body) {
        String payload = body == null ? "" : body;
        String message = AUTH_PREFIX + apiKey + method.toUpperCase(Locale.ROOT) + host + path + query
                + (payload.isEmpty() || contentType == null ? "" : contentType) + nonce + timestamp + VERSION + payload;
        return Hmac.hex(Hmac.hmacSha256(Hmac.utf8(secret), Hmac.utf8(message)));
    }

    /** The {@code X-Server-Auth-Signature} Bitstamp puts on an answer to a signed request. */
    public static String response(String secret, String nonce, String timestamp, String contentType, String body) {
        return Hmac.hex(Hmac.hmacSha256(Hmac.utf8(secret), Hmac.utf8(nonce + timestamp + contentType + body)));
    }
}
