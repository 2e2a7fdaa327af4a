package io.coinsphere.exchangesync.exchange.signing;

import java.util.Locale;

/** KuCoin {@code KC-API-SIGN} and the signed {@code KC-API-PASSPHRASE} of API keys version 2 and 3. */
public final class KucoinSignature {

    private KucoinSignature() {
    }

    /**
     * @param timestamp         the {@code KC-API-TIMESTAMP} header value (milliseconds), exactly as sent
     * @param endpointWithQuery path plus {@code ?query} if any, e.g. {@code /api/v1/accounts?type=trade}
     * @param body              the JSON body, or {@code null}/empty for GET
     */
    public static String sign(String secret, String timestamp, String method, String endpointWithQuery, String body) {
        String prehash = timestamp + method.toUpperCase(Locale.ROOT) + endpointWithQuery + (body == null ? "" : body);
        return Hmac.base64(Hmac.hmacSha256(Hmac.utf8(secret), Hmac.utf8(prehash)));
    }

    /** The v2/v3 header value: base64(HMAC-SHA256(secret, passphrase)); v1 sent the passphrase in plain text. */
    public static String passphrase(String secret, String passphrase) {
        return Hmac.base64(Hmac.hmacSha256(Hmac.utf8(secret), Hmac.utf8(passphrase)));
    }
}
