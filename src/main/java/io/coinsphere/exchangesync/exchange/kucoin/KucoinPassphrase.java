package io.coinsphere.exchangesync.exchange.kucoin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The v2/v3 KC-API-PASSPHRASE header: base64(HMAC-SHA256(secret, passphrase)).
 * TODO: replace with {@code signing.KucoinSignature.passphrase} once the signing package is on main.
 */
final class KucoinPassphrase {

    private KucoinPassphrase() {
    }

    static String sign(String secret, String passphrase) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(passphrase.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
