package io.coinsphere.exchangesync.exchange.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Gemini's private API authentication: the request's JSON ({@code request} = the path, {@code nonce}, any
 * parameters) travels base64-encoded in {@code X-GEMINI-PAYLOAD}, and {@code X-GEMINI-SIGNATURE} is the hex
 * HMAC-SHA384 of that base64 text with the API secret. The signature covers the base64 exactly as sent.
 */
public final class GeminiSignature {

    private GeminiSignature() {
    }

    /** {@code {"request":"/v1/balances","nonce":"1700000000"}} for a request without parameters. */
    public static String payloadJson(String path, long nonce) {
        return "{\"request\":\"" + path + "\",\"nonce\":\"" + nonce + "\"}";
    }

    public static String encode(String payloadJson) {
        return Base64.getEncoder().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(String secret, String base64Payload) {
        return Hmac.hex(Hmac.hmacSha384(Hmac.utf8(secret), Hmac.utf8(base64Payload)));
    }
}
