package io.coinsphere.exchangesync.exchange.signing;

/** Bybit v5 {@code X-BAPI-SIGN} for HMAC (system-generated) keys. */
public final class BybitSignature {

    private BybitSignature() {
    }

    /**
     * hex(HMAC-SHA256(secret, timestamp + apiKey + recvWindow + payload)), lower case.
     *
     * @param payload the query string exactly as sent (GET, no {@code ?}, not re-sorted) or the JSON body (POST)
     */
    public static String sign(String secret, String timestamp, String apiKey, String recvWindow, String payload) {
        String prehash = timestamp + apiKey + recvWindow + (payload == null ? "" : payload);
        return Hmac.hex(Hmac.hmacSha256(Hmac.utf8(secret), Hmac.utf8(prehash)));
    }
}
