package io.coinsphere.exchangesync.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the configured {@code ENCRYPTION_KEY} into the 32-byte master key, or (embedded defaults only)
 * creates and reuses {@code <data-dir>/encryption.key}. Never logs key material.
 */
public final class MasterKeyLoader {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyLoader.class);

    /** Name of the generated key file inside the data directory. */
    public static final String KEY_FILE = "encryption.key";
    /** Minimum passphrase length; anything shorter is refused. */
    public static final int MIN_PASSPHRASE_LENGTH = 32;
    /** PBKDF2-HMAC-SHA256 iterations for a passphrase (OWASP 2023 figure); paid once at start-up. */
    public static final int PBKDF2_ITERATIONS = 600_000;

    /*
     * SECURITY: the PBKDF2 salt is fixed so that the same passphrase gives the same key after a restart
     * (there is nowhere secret to keep a random salt). Its job here is domain separation from other uses
     * of the passphrase; the passphrase itself must carry the entropy (>= 32 characters enforced).
     * Salt = SHA-256("coinsphere-exchange-sync/master-key/v1").
     */
    private static final byte[] PBKDF2_SALT = sha256("coinsphere-exchange-sync/master-key/v1");

    private MasterKeyLoader() {
    }

    /**
     * Resolves the master key.
     *
     * @param configured       the configured value (base64 32-byte key or passphrase), may be null or blank
     * @param embeddedDefaults true when the service runs on its embedded database (no datasource URL configured)
     * @param dataDir          where the generated key file lives on embedded defaults
     * @throws IllegalStateException with a message that says what to configure
     */
    public static byte[] resolve(String configured, boolean embeddedDefaults, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        // SECURITY: no fallback to any other secret; only the local embedded set-up may invent its own key.
        if (!embeddedDefaults) {
            throw new IllegalStateException("ENCRYPTION_KEY is not set. Set ENCRYPTION_KEY (or coinsphere.vault.encryption-key)"
                    + " to a base64-encoded 32-byte key (e.g. `openssl rand -base64 32`) or a passphrase of at least "
                    + MIN_PASSPHRASE_LENGTH + " characters.");
        }
        Path file = dataDir.resolve(KEY_FILE);
        LOG.warn("ENCRYPTION_KEY is not set: using the generated master key in {} (embedded defaults, for local use only;"
                + " set ENCRYPTION_KEY in any shared or production deployment)", file);
        return loadOrCreateKeyFile(file);
    }

    /**
     * Parses a configured key: a base64 (standard or URL-safe) encoding of exactly 32 bytes is used as is;
     * any other value of at least 32 characters is a passphrase, stretched with PBKDF2-HMAC-SHA256.
     */
    public static byte[] parse(String configured) {
        String value = configured.strip();
        byte[] decoded = tryBase64(value);
        if (decoded != null && decoded.length == AesGcmCredentialVault.KEY_LEN) {
            return decoded;
        }
        if (value.length() < MIN_PASSPHRASE_LENGTH) {
            // SECURITY: the message gives the rule, never the value or its length.
            throw new IllegalStateException("ENCRYPTION_KEY (or an ENCRYPTION_KEYS entry) is too weak: use a base64-encoded 32-byte key"
                    + " (e.g. `openssl rand -base64 32`) or a passphrase of at least " + MIN_PASSPHRASE_LENGTH + " characters.");
        }
        return stretch(value);
    }

    /** Reads the base64 key in {@code file}, or creates it (mode 0600) with a fresh random key. */
    public static byte[] loadOrCreateKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[AesGcmCredentialVault.KEY_LEN];
                new SecureRandom().nextBytes(key);
                if (SecretFiles.createOwnerOnly(file, Base64.getEncoder().encodeToString(key) + "\n")) {
                    return key;
                }
                // Another process created it in between: fall through and use theirs.
            }
            SecretFiles.warnIfShared(file);
            byte[] key = tryBase64(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key == null || key.length != AesGcmCredentialVault.KEY_LEN) {
                throw new IllegalStateException("The key file " + file + " does not hold a base64-encoded 32-byte key;"
                        + " restore it or set ENCRYPTION_KEY (credentials stored with the lost key cannot be recovered).");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] stretch(String passphrase) {
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), PBKDF2_SALT, PBKDF2_ITERATIONS,
                AesGcmCredentialVault.KEY_LEN * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] tryBase64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(value);
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
