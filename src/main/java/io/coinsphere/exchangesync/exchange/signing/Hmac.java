package io.coinsphere.exchangesync.exchange.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC, SHA-256 and the hex/base64 encodings the exchanges' signatures are built from. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        return mac("HmacSHA256", key, data);
    }

    public static byte[] hmacSha384(byte[] key, byte[] data) {
        return mac("HmacSHA384", key, data);
    }

    public static byte[] hmacSha512(byte[] key, byte[] data) {
        return mac("HmacSHA512", key, data);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide SHA-256, so this cannot happen on a conforming JVM.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex, as Binance expects. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes a base64 secret (Kraken, Coinbase).
     *
     * @throws IllegalArgumentException if the text is not base64; the message never repeats the secret
     */
    public static byte[] base64Decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            // SECURITY: the decoder's message can quote the offending input, i.e. part of the secret.
            throw new IllegalArgumentException("secret is not valid base64");
        }
    }

    /** Compares two signatures in constant time, so a verifier does not leak how many leading bytes matched. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(utf8(expected), utf8(actual));
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // HmacSHA256/512 are mandatory JCA algorithms; an empty key is the only realistic cause.
            throw new IllegalArgumentException(algorithm + " failed: " + e.getClass().getSimpleName());
        }
    }
}
