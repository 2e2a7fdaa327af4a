package io.coinsphere.exchangesync.vault;

import io.coinsphere.exchangesync.config.CoinsphereProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the {@link CredentialVault}. The master keys are resolved once, at start-up; a missing or weak key
 * stops the application unless it runs on the embedded database (no {@code spring.datasource.url}).
 */
@Configuration(proxyBeanMethods = false)
public class VaultConfig {

    private static final Logger LOG = LoggerFactory.getLogger(VaultConfig.class);

    @Bean
    AesGcmCredentialVault credentialVault(VaultProperties properties, CoinsphereProperties coinsphere, Environment env) {
        // Relaxed binding does not map ENCRYPTION_KEY(S) to coinsphere.vault.*, so read them by name too.
        String single = firstSet(properties.encryptionKey(), env.getProperty("ENCRYPTION_KEY"));
        String list = firstSet(properties.encryptionKeys(), env.getProperty("ENCRYPTION_KEYS"));
        MasterKeys keys = MasterKeys.resolve(list, single, properties.currentKeyId(), isEmbeddedDefaults(env),
                coinsphere.dataDir());
        try {
            AesGcmCredentialVault vault = new AesGcmCredentialVault(keys.keys(), keys.currentKeyId());
            // Ids are not secret; they tell an operator which keys this instance can read.
            LOG.info("Credential vault: new credentials are encrypted with key '{}'; keys that decrypt: {}",
                    keys.currentKeyId(), keys.keys().keySet());
            return vault;
        } finally {
            keys.wipe();
        }
    }

    /** True when no datasource URL is configured, i.e. the service runs on its embedded PostgreSQL. */
    static boolean isEmbeddedDefaults(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
