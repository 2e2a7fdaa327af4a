package io.coinsphere.exchangesync.vault;

import java.util.UUID;

/**
 * Encrypts API credentials at rest. Each ciphertext is bound (AAD) to the connection row and the
 * column it is stored in, so a ciphertext copied elsewhere does not decrypt.
 */
public interface CredentialVault {

    /** Encrypts {@code plaintext} for {@code column} of connection {@code connectionId}; returns a text envelope. */
    String encrypt(UUID connectionId, String column, String plaintext);

    /**
     * Decrypts an envelope made by {@link #encrypt}. Throws {@link VaultException} when the envelope
     * is malformed, was made for another row or column, or was tampered with; never returns partial data.
     */
    String decrypt(UUID connectionId, String column, String envelope);

    /**
     * A keyed, non-reversible fingerprint of a value (an API key), so the same key can be found
     * again without decrypting every row. SECURITY: keyed with the master key, so it reveals nothing
     * to someone holding only a database dump.
     */
    String fingerprint(String value);

    /**
     * The fingerprints of a value under every configured key, the current one first. Between a key rotation
     * and the re-encryption of every row, a stored fingerprint may still be under an older key: a duplicate
     * check compares against all of these.
     */
    default java.util.List<String> fingerprints(String value) {
        return java.util.List.of(fingerprint(value));
    }
}
