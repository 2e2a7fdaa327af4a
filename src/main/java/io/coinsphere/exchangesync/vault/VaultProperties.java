package io.coinsphere.exchangesync.vault;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Vault settings ({@code coinsphere.vault.*}); see {@link MasterKeys} for how the keys combine.
 *
 * @param encryptionKey      one master key: base64 of 32 bytes or a passphrase of at least 32 characters
 *                           ({@code ENCRYPTION_KEY} when unset)
 * @param encryptionKeys     several keys, newest first: {@code id:key,id:key} ({@code ENCRYPTION_KEYS} when unset)
 * @param currentKeyId       the id of the key that encrypts; unset = the first of {@code encryption-keys}
 * @param reEncryptBatchSize rows read per round trip by the re-encryption
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.vault")
public record VaultProperties(String encryptionKey, String encryptionKeys, String currentKeyId,
        @DefaultValue("200") @Min(1) @Max(10_000) int reEncryptBatchSize) {

    @Override
    public String toString() {
        // SECURITY: keep the keys out of logs and actuator dumps that print the record.
        return "VaultProperties[encryptionKey=" + (encryptionKey == null || encryptionKey.isBlank() ? "<unset>" : "<set>")
                + ", encryptionKeys=" + (encryptionKeys == null || encryptionKeys.isBlank() ? "<unset>" : "<set>")
                + ", currentKeyId=" + currentKeyId + ", reEncryptBatchSize=" + reEncryptBatchSize + "]";
    }
}
