package io.coinsphere.exchangesync.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AesGcmCredentialVaultTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final AesGcmCredentialVault vault = AesGcmCredentialVault.withSingleKey(randomKey());
    private final UUID connection = UUID.randomUUID();

    @Test
    void roundTrip() {
        String secret = "s3cr3t-API-key/with:colons+ünïcode";
        String envelope = vault.encrypt(connection, "api_secret_encrypted", secret);

        assertThat(envelope).startsWith("v1:" + vault.currentKeyId() + ":").doesNotContain(secret);
        assertThat(envelope.split(":")).hasSize(6);
        assertThat(vault.decrypt(connection, "api_secret_encrypted", envelope)).isEqualTo(secret);
        assertThat(vault.decrypt(connection, "c", vault.encrypt(connection, "c", ""))).isEmpty();
    }

    @Test
    void everyCiphertextDiffers() {
        Set<String> envelopes = new HashSet<>();
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String envelope = vault.encrypt(connection, "api_key_encrypted", "same plaintext");
            envelopes.add(envelope);
            ivs.add(envelope.split(":")[3]);
        }
        assertThat(envelopes).hasSize(200);
        assertThat(ivs).hasSize(200);
    }

    @Test
    void tamperingWithAnyByteOfSaltIvTagOrCiphertextFails() {
        String envelope = vault.encrypt(connection, "api_key_encrypted", "a plaintext of some length");
        String[] parts = envelope.split(":");
        for (int part = 2; part <= 5; part++) {
            byte[] bytes = B64D.decode(parts[part]);
            for (int i = 0; i < bytes.length; i++) {
                byte[] copy = bytes.clone();
                copy[i] ^= 0x01;
                String[] tampered = parts.clone();
                tampered[part] = B64.encodeToString(copy);
                String bad = String.join(":", tampered);
                assertThatThrownBy(() -> vault.decrypt(connection, "api_key_encrypted", bad))
                        .isInstanceOf(VaultException.class)
                        .hasMessageNotContaining("a plaintext");
            }
        }
    }

    @Test
    void ciphertextBoundToRowAndColumn() {
        String envelope = vault.encrypt(connection, "api_key_encrypted", "key");

        assertThatThrownBy(() -> vault.decrypt(UUID.randomUUID(), "api_key_encrypted", envelope))
                .isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> vault.decrypt(connection, "api_secret_encrypted", envelope))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void otherOrUnknownKeyFails() {
        String envelope = vault.encrypt(connection, "c", "x");
        AesGcmCredentialVault other = AesGcmCredentialVault.withSingleKey(randomKey());

        assertThatThrownBy(() -> other.decrypt(connection, "c", envelope))
                .isInstanceOf(VaultException.class).hasMessageContaining("unknown key");
        // Same key id forged onto another key: the tag check still refuses it.
        String forged = envelope.replace(":" + vault.currentKeyId() + ":", ":" + other.currentKeyId() + ":");
        assertThatThrownBy(() -> other.decrypt(connection, "c", forged)).isInstanceOf(VaultException.class);
    }

    @Test
    void keyRotationDecryptsOldEnvelopes() {
        byte[] oldKey = randomKey();
        byte[] newKey = randomKey();
        String oldId = AesGcmCredentialVault.keyIdOf(oldKey);
        String newId = AesGcmCredentialVault.keyIdOf(newKey);
        String oldEnvelope = AesGcmCredentialVault.withSingleKey(oldKey).encrypt(connection, "c", "old");

        AesGcmCredentialVault rotated = new AesGcmCredentialVault(Map.of(oldId, oldKey, newId, newKey), newId);

        assertThat(rotated.decrypt(connection, "c", oldEnvelope)).isEqualTo("old");
        assertThat(rotated.encrypt(connection, "c", "new")).startsWith("v1:" + newId + ":");
    }

    @Test
    void fingerprintsCoverEveryKeyCurrentFirst() {
        byte[] oldKey = randomKey();
        byte[] newKey = randomKey();
        AesGcmCredentialVault old = AesGcmCredentialVault.withSingleKey(oldKey);
        AesGcmCredentialVault rotated = new AesGcmCredentialVault(
                new java.util.LinkedHashMap<>(Map.of("old", oldKey, "new", newKey)), "new");

        assertThat(rotated.fingerprints("kraken:K1")).containsExactly(rotated.fingerprint("kraken:K1"), old.fingerprint("kraken:K1"));
        assertThat(rotated.fingerprint("kraken:K1")).isNotEqualTo(old.fingerprint("kraken:K1"));
        assertThat(rotated.currentKeyIds()).containsExactlyInAnyOrder("new", AesGcmCredentialVault.keyIdOf(newKey));
        assertThat(rotated.knowsKeyId(AesGcmCredentialVault.keyIdOf(oldKey))).isTrue();
        assertThat(rotated.knowsKeyId("other")).isFalse();
        assertThat(AesGcmCredentialVault.keyIdOfEnvelope(rotated.encrypt(connection, "c", "x"))).isEqualTo("new");
        assertThat(AesGcmCredentialVault.keyIdOfEnvelope("garbage")).isNull();
    }

    @Test
    void aConfiguredIdCannotShadowAnotherKeysDerivedId() {
        byte[] a = randomKey();
        byte[] b = randomKey();
        assertThatThrownBy(() -> new AesGcmCredentialVault(Map.of(AesGcmCredentialVault.keyIdOf(a), b, "a", a), "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedEnvelopesFail() {
        String good = vault.encrypt(connection, "c", "x");
        String[] p = good.split(":");
        String[] bad = {
            null, "", "garbage", "v1", "v1:::::", good + ":extra", "v2" + good.substring(2),
            String.join(":", p[0], p[1], "!!notbase64!!", p[3], p[4], p[5]),
            String.join(":", p[0], p[1], p[2], B64.encodeToString(new byte[11]), p[4], p[5]),
            String.join(":", p[0], p[1], p[2], p[3], B64.encodeToString(new byte[15]), p[5]),
            String.join(":", p[0], p[1], B64.encodeToString(new byte[8]), p[3], p[4], p[5]),
        };
        for (String envelope : bad) {
            assertThatThrownBy(() -> vault.decrypt(connection, "c", envelope)).isInstanceOf(VaultException.class);
        }
    }

    @Test
    void fingerprintIsKeyedAndStable() {
        String fp = vault.fingerprint("binance:AKIA123");

        assertThat(fp).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(vault.fingerprint("binance:AKIA123"));
        assertThat(vault.fingerprint("binance:AKIA124")).isNotEqualTo(fp);
        assertThat(AesGcmCredentialVault.withSingleKey(randomKey()).fingerprint("binance:AKIA123")).isNotEqualTo(fp);
    }

    @Test
    void decryptTimingSanity() {
        String envelope = vault.encrypt(connection, "api_secret_encrypted", "0123456789abcdef0123456789abcdef0123456789abcdef");
        for (int i = 0; i < 20_000; i++) {
            vault.decrypt(connection, "api_secret_encrypted", envelope);
        }
        int n = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            vault.decrypt(connection, "api_secret_encrypted", envelope);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / n;
        // Informational only: no timed assertion (shared CI cores).
        System.out.printf("AesGcmCredentialVault.decrypt: %.1f us per credential%n", micros);
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
