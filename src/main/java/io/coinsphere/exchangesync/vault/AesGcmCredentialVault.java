package io.coinsphere.exchangesync.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link CredentialVault} with AES-256-GCM. Envelope: {@code v1:<keyId>:<salt>:<iv>:<tag>:<ciphertext>}
 * (URL-safe base64 without padding); per-record key = HKDF-SHA256(master key, salt, "coinsphere-credentials-v1").
 * Holds several master keys by id: the current one encrypts, any of them decrypts (key rotation).
 */
public final class AesGcmCredentialVault implements CredentialVault {

    static final String VERSION = "v1";
    static final int KEY_LEN = 32;
    static final int SALT_LEN = 16;
    static final int IV_LEN = 12;
    static final int TAG_LEN = 16;
    private static final byte[] HKDF_INFO = "coinsphere-credentials-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FINGERPRINT_INFO = "coinsphere-fingerprint-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_ID_LABEL = "coinsphere-key-id".getBytes(StandardCharsets.US_ASCII);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    // Cipher instances are not thread-safe; caching one per thread saves the provider lookup per call.
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private static final String KEY_ID_PATTERN = "[A-Za-z0-9_-]{1,32}";

    // Every key under its configured id and under its derived id (keyIdOf): envelopes written while the key
    // was the single ENCRYPTION_KEY carry the derived id, and must still decrypt once the key gets a name.
    private final Map<String, byte[]> keys;
    private final String currentKeyId;
    private final Set<String> currentKeyIds;
    private final List<byte[]> fingerprintKeys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keysById     master keys (32 bytes each) by key id; old ids stay here after a rotation so old rows decrypt
     * @param currentKeyId the key used for new encryptions
     */
    public AesGcmCredentialVault(Map<String, byte[]> keysById, String currentKeyId) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keysById.forEach((id, key) -> {
            if (!isValidKeyId(id)) {
                throw new IllegalArgumentException("Key ids are 1-32 characters of [A-Za-z0-9_-]");
            }
            if (key == null || key.length != KEY_LEN) {
                throw new IllegalArgumentException("Master key '" + id + "' must be 32 bytes");
            }
            copy.put(id, key.clone());
        });
        if (!copy.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("The current key id has no key");
        }
        Map<String, byte[]> all = new LinkedHashMap<>(copy);
        copy.forEach((id, key) -> {
            byte[] other = all.putIfAbsent(keyIdOf(key), key);
            if (other != null && !Arrays.equals(other, key)) {
                throw new IllegalArgumentException("Key id '" + id + "' collides with the derived id of another key");
            }
        });
        this.keys = Map.copyOf(all);
        this.currentKeyId = currentKeyId;
        // Stream, not Set.of: the two ids are the same when the key has no configured name.
        this.currentKeyIds = Stream.of(currentKeyId, keyIdOf(copy.get(currentKeyId))).collect(Collectors.toUnmodifiableSet());
        // A separate subkey per master key, so fingerprints and record keys never share key material.
        List<byte[]> subkeys = new ArrayList<>();
        subkeys.add(Hkdf.deriveKey(copy.get(currentKeyId), new byte[0], FINGERPRINT_INFO, KEY_LEN));
        copy.forEach((id, key) -> {
            if (!id.equals(currentKeyId)) {
                subkeys.add(Hkdf.deriveKey(key, new byte[0], FINGERPRINT_INFO, KEY_LEN));
            }
        });
        this.fingerprintKeys = List.copyOf(subkeys);
    }

    /** True when {@code id} can name a key: 1-32 characters of {@code [A-Za-z0-9_-]} (it is written into envelopes). */
    public static boolean isValidKeyId(String id) {
        return id != null && id.matches(KEY_ID_PATTERN);
    }

    /** A vault with one master key, identified by {@link #keyIdOf(byte[])}. */
    public static AesGcmCredentialVault withSingleKey(byte[] masterKey) {
        String id = keyIdOf(masterKey);
        return new AesGcmCredentialVault(Map.of(id, masterKey), id);
    }

    /**
     * A stable, non-secret id for a master key: 8 characters of HMAC(key, "coinsphere-key-id"). It tells
     * "encrypted under another key" apart from tampering, and reveals nothing usable about the key.
     */
    public static String keyIdOf(byte[] masterKey) {
        if (masterKey == null || masterKey.length != KEY_LEN) {
            throw new IllegalArgumentException("Master key must be 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(KEY_ID_LABEL)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The id of the key new envelopes are encrypted with. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids that mean "encrypted with the current key": its configured id and its derived id. */
    public Set<String> currentKeyIds() {
        return currentKeyIds;
    }

    /** True when envelopes with this key id can be decrypted (the id is configured, or derived from a configured key). */
    public boolean knowsKeyId(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The key id written in an envelope, or null when the text is not an envelope of this vault. */
    public static String keyIdOfEnvelope(String envelope) {
        if (envelope == null) {
            return null;
        }
        String[] parts = envelope.split(":", -1);
        return parts.length == 6 && VERSION.equals(parts[0]) && isValidKeyId(parts[1]) ? parts[1] : null;
    }

    /**
     * A keyed, non-reversible fingerprint of {@code value}: hex HMAC-SHA256 under a subkey of the current master
     * key (64 characters). Equal values give equal fingerprints; a key rotation changes them all.
     */
    @Override
    public String fingerprint(String value) {
        return fingerprint(fingerprintKeys.get(0), value);
    }

    /** The fingerprint under every configured key, current key first: stored rows may not be re-keyed yet. */
    @Override
    public List<String> fingerprints(String value) {
        return fingerprintKeys.stream().map(k -> fingerprint(k, value)).toList();
    }

    private static String fingerprint(byte[] subkey, String value) {
        Objects.requireNonNull(value, "value");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subkey, "HmacSHA256"));
            // SECURITY: keyed, so a database dump alone cannot confirm a guessed API key.
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String encrypt(UUID connectionId, String column, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] aad = aad(connectionId, column);
        byte[] salt = new byte[SALT_LEN];
        byte[] iv = new byte[IV_LEN];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] recordKey = Hkdf.deriveKey(keys.get(currentKeyId), salt, HKDF_INFO, KEY_LEN);
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(recordKey, "AES"), new GCMParameterSpec(TAG_LEN * 8, iv));
            cipher.updateAAD(aad);
            byte[] out = cipher.doFinal(input); // ciphertext || tag
            int ctLen = out.length - TAG_LEN;
            return String.join(":", VERSION, currentKeyId, B64.encodeToString(salt), B64.encodeToString(iv),
                    B64.encodeToString(Arrays.copyOfRange(out, ctLen, out.length)),
                    B64.encodeToString(Arrays.copyOf(out, ctLen)));
        } catch (GeneralSecurityException e) {
            // SECURITY: the message names the operation only, never the plaintext or key.
            throw new VaultException("Encryption failed", e);
        } finally {
            Arrays.fill(recordKey, (byte) 0);
            Arrays.fill(input, (byte) 0);
        }
    }

    @Override
    public String decrypt(UUID connectionId, String column, String envelope) {
        byte[] aad = aad(connectionId, column);
        if (envelope == null) {
            throw new VaultException("Malformed credential envelope");
        }
        String[] parts = envelope.split(":", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            throw new VaultException("Malformed credential envelope");
        }
        byte[] masterKey = keys.get(parts[1]);
        if (masterKey == null) {
            throw new VaultException("Credential was encrypted with an unknown key");
        }
        byte[] salt = decode(parts[2], SALT_LEN);
        byte[] iv = decode(parts[3], IV_LEN);
        byte[] tag = decode(parts[4], TAG_LEN);
        byte[] ct = decode(parts[5], -1);
        byte[] input = new byte[ct.length + TAG_LEN];
        System.arraycopy(ct, 0, input, 0, ct.length);
        System.arraycopy(tag, 0, input, ct.length, TAG_LEN);
        byte[] recordKey = Hkdf.deriveKey(masterKey, salt, HKDF_INFO, KEY_LEN);
        byte[] plain = null;
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(recordKey, "AES"), new GCMParameterSpec(TAG_LEN * 8, iv));
            cipher.updateAAD(aad);
            plain = cipher.doFinal(input);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            // SECURITY: one message for a wrong row/column (AAD), a modified envelope or a wrong key; no detail.
            throw new VaultException("Credential failed authentication (tampered or stored for another row or column)");
        } catch (GeneralSecurityException e) {
            throw new VaultException("Credential could not be decrypted", e);
        } finally {
            Arrays.fill(recordKey, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    // SECURITY: the AAD binds a ciphertext to its row and column, so copying it elsewhere fails authentication.
    private static byte[] aad(UUID connectionId, String column) {
        if (connectionId == null || column == null || column.isBlank()) {
            throw new IllegalArgumentException("connectionId and column are required");
        }
        return (connectionId + ":" + column).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String part, int expectedLength) {
        byte[] bytes;
        try {
            bytes = B64D.decode(part);
        } catch (IllegalArgumentException e) {
            throw new VaultException("Malformed credential envelope");
        }
        if (expectedLength >= 0 && bytes.length != expectedLength) {
            throw new VaultException("Malformed credential envelope");
        }
        return bytes;
    }
}
