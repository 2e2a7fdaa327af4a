package io.coinsphere.exchangesync.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seed project's credential scheme, for the comparison only: every decryption derives its AES key
 * with PBKDF2-HMAC-SHA256 (100,000 iterations) from a master password and the record's salt.
 */
final class SeedScheme {

    static final int ITERATIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] password;

    SeedScheme(char[] password) {
        this.password = password.clone();
    }

    /** salt(16) | iv(12) | AES-GCM ciphertext with tag. */
    byte[] encrypt(String plaintext) throws GeneralSecurityException {
        byte[] salt = random(16);
        byte[] iv = random(12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key(salt), new GCMParameterSpec(128, iv));
        byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[28 + body.length];
        System.arraycopy(salt, 0, out, 0, 16);
        System.arraycopy(iv, 0, out, 16, 12);
        System.arraycopy(body, 0, out, 28, body.length);
        return out;
    }

    String decrypt(byte[] envelope) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key(Arrays.copyOfRange(envelope, 0, 16)),
                new GCMParameterSpec(128, Arrays.copyOfRange(envelope, 16, 28)));
        return new String(cipher.doFinal(envelope, 28, envelope.length - 28), StandardCharsets.UTF_8);
    }

    private SecretKeySpec key(byte[] salt) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
