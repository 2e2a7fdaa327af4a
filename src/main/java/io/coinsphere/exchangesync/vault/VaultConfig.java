package io.coinsphere.exchangesync.vault;

import io.coinsphere.exchangesync.config.CoinsphereProperties;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the {@link CredentialVault}. The master key is resolved once, at start-up; a missing or weak key
 * stops the application unless it runs on the embedded database (no {@code spring.datasource.url}).
 */
@Configuration(proxyBeanMethods = false)
public class VaultConfig {

    @Bean
    CredentialVault credentialVault(VaultProperties properties, CoinsphereProperties coinsphere, Environment env) {
        String configured = properties.encryptionKey();
        if (configured == null || configured.isBlank()) {
            // Relaxed binding does not map ENCRYPTION_KEY to coinsphere.vault.encryption-key, so read it by name.
            configured = env.getProperty("ENCRYPTION_KEY");
        }
        boolean embeddedDefaults = isEmbeddedDefaults(env);
        byte[] key = MasterKeyLoader.resolve(configured, embeddedDefaults, coinsphere.dataDir());
        try {
            return AesGcmCredentialVault.withSingleKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** True when no datasource URL is configured, i.e. the service runs on its embedded PostgreSQL. */
    static boolean isEmbeddedDefaults(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
