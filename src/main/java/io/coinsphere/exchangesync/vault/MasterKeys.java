package io.coinsphere.exchangesync.vault;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The master keys of the vault by id, in configured order, and the id that encrypts new envelopes.
 *
 * <p>{@code ENCRYPTION_KEYS} is a comma list, newest first: {@code k2:<key>,k1:<key>}. An entry without
 * {@code id:} gets the key's derived id ({@link AesGcmCredentialVault#keyIdOf}), which is the id that a single
 * {@code ENCRYPTION_KEY} has always written into its envelopes. {@code ENCRYPTION_KEY}, when also set, joins the
 * list as an older key. New envelopes use {@code current-key-id}, or else the first key of the list.
 */
public record MasterKeys(Map<String, byte[]> keys, String currentKeyId) {

    /**
     * Resolves the configured keys; with none configured, the single key of {@link MasterKeyLoader#resolve}
     * (a generated key file on embedded defaults, an error otherwise).
     *
     * @throws IllegalStateException with a message that names the problem, never a key
     */
    public static MasterKeys resolve(String keyList, String singleKey, String currentKeyId, boolean embeddedDefaults,
            Path dataDir) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (keyList != null) {
            for (String entry : keyList.split(",")) {
                if (!entry.isBlank()) {
                    add(keys, entry.strip());
                }
            }
        }
        if (singleKey != null && !singleKey.isBlank()) {
            byte[] key = MasterKeyLoader.parse(singleKey);
            // The same key may be listed in ENCRYPTION_KEYS under a name during a migration: keep one copy.
            if (keys.values().stream().noneMatch(k -> Arrays.equals(k, key))) {
                put(keys, AesGcmCredentialVault.keyIdOf(key), key);
            }
        }
        if (keys.isEmpty()) {
            byte[] key = MasterKeyLoader.resolve(null, embeddedDefaults, dataDir);
            keys.put(AesGcmCredentialVault.keyIdOf(key), key);
        }
        String current = currentKeyId == null || currentKeyId.isBlank() ? keys.keySet().iterator().next() : currentKeyId.strip();
        if (!keys.containsKey(current)) {
            throw new IllegalStateException("coinsphere.vault.current-key-id names no configured key; configured ids: "
                    + keys.keySet());
        }
        return new MasterKeys(keys, current);
    }

    private static void add(Map<String, byte[]> keys, String entry) {
        int colon = entry.indexOf(':');
        // A base64 key never contains ':', so "id:" is unambiguous; passphrases must always carry an id.
        String id = colon < 0 ? null : entry.substring(0, colon).strip();
        byte[] key = MasterKeyLoader.parse(colon < 0 ? entry : entry.substring(colon + 1));
        put(keys, id == null ? AesGcmCredentialVault.keyIdOf(key) : id, key);
    }

    private static void put(Map<String, byte[]> keys, String id, byte[] key) {
        if (!AesGcmCredentialVault.isValidKeyId(id)) {
            throw new IllegalStateException("ENCRYPTION_KEYS: key ids are 1-32 characters of [A-Za-z0-9_-]");
        }
        if (keys.containsKey(id)) {
            throw new IllegalStateException("ENCRYPTION_KEYS: the key id '" + id + "' is used twice");
        }
        if (keys.values().stream().anyMatch(k -> Arrays.equals(k, key))) {
            throw new IllegalStateException("ENCRYPTION_KEYS: the key with id '" + id + "' is listed twice");
        }
        keys.put(id, key);
    }

    /** Overwrites the key bytes once the vault holds its own copies. */
    public void wipe() {
        keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
    }

    @Override
    public String toString() {
        // SECURITY: ids only, never key material.
        return "MasterKeys[ids=" + keys.keySet() + ", current=" + currentKeyId + "]";
    }
}
