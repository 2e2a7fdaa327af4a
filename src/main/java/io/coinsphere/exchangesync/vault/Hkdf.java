package io.coinsphere.exchangesync.vault;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA256 (RFC 5869) for outputs up to one hash length: two HMACs, so cheap enough per record. */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    static final int HASH_LEN = 32;

    // Mac instances are not thread-safe; one per thread avoids the provider lookup on every call.
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private Hkdf() {
    }

    /** Derives {@code length} (at most 32) bytes from input key material {@code ikm}, {@code salt} and {@code info}. */
    static byte[] deriveKey(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > HASH_LEN) {
            throw new IllegalArgumentException("length must be 1.." + HASH_LEN);
        }
        try {
            Mac mac = MAC.get();
            // Extract: PRK = HMAC(salt, IKM); an empty salt means a zero-filled one (RFC 5869 2.2).
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LEN] : salt, HMAC));
            byte[] prk = mac.doFinal(ikm);
            // Expand, first block only: T(1) = HMAC(PRK, info || 0x01).
            mac.init(new SecretKeySpec(prk, HMAC));
            mac.update(info);
            mac.update((byte) 1);
            byte[] okm = mac.doFinal();
            Arrays.fill(prk, (byte) 0);
            return length == HASH_LEN ? okm : Arrays.copyOf(okm, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF failed", e);
        }
    }
}
