package io.coinsphere.exchangesync.exchange.signing;

import java.nio.ByteBuffer;

/** Kraken {@code API-Sign}: base64(HMAC-SHA512(base64-decoded secret, uriPath + SHA256(nonce + postBody))). */
public final class KrakenSignature {

    private KrakenSignature() {
    }

    /**
     * @param base64Secret the private key as Kraken shows it (base64)
     * @param uriPath      e.g. {@code /0/private/Balance}
     * @param nonce        the nonce exactly as it appears in the body
     * @param postBody     the url-encoded form body, which itself contains {@code nonce=...}
     */
    public static String sign(String base64Secret, String uriPath, String nonce, String postBody) {
        byte[] path = Hmac.utf8(uriPath);
        byte[] digest = Hmac.sha256(Hmac.utf8(nonce + postBody));
        byte[] message = ByteBuffer.allocate(path.length + digest.length).put(path).put(digest).array();
        return Hmac.base64(Hmac.hmacSha512(Hmac.base64Decode(base64Secret), message));
    }
}
