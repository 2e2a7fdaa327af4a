package io.coinsphere.exchangesync.exchange.signing;

/** Binance signed-endpoint signature: lower-case hex HMAC-SHA256 keyed by the secret's UTF-8 bytes. */
public final class BinanceSignature {

    private BinanceSignature() {
    }

    /**
     * Signs the total parameters of a request: the query string without {@code signature}, directly
     * followed by the form body if there is one (Binance concatenates them without a separator).
     */
    public static String sign(String secret, String totalParams) {
        return Hmac.hex(Hmac.hmacSha256(Hmac.utf8(secret), Hmac.utf8(totalParams)));
    }
}
