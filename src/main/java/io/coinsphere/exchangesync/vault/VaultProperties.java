package io.coinsphere.exchangesync.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Vault settings ({@code coinsphere.vault.*}). {@code encryption-key}: a base64-encoded 32-byte key or a
 * passphrase of at least 32 characters; when unset, the {@code ENCRYPTION_KEY} environment variable is read.
 */
@ConfigurationProperties(prefix = "coinsphere.vault")
public record VaultProperties(String encryptionKey) {

    @Override
    public String toString() {
        // SECURITY: keep the key out of logs and actuator dumps that print the record.
        return "VaultProperties[encryptionKey=" + (encryptionKey == null || encryptionKey.isBlank() ? "<unset>" : "<set>") + "]";
    }
}
