package io.coinsphere.exchangesync.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

    @TempDir
    Path dataDir;

    private static final UUID ROW = UUID.randomUUID();

    @Test
    void firstListedKeyIsCurrentUnlessNamed() {
        String a = randomKey();
        String b = randomKey();

        MasterKeys keys = MasterKeys.resolve("k2:" + b + ", k1:" + a, null, null, false, dataDir);
        assertThat(keys.keys().keySet()).containsExactly("k2", "k1");
        assertThat(keys.currentKeyId()).isEqualTo("k2");

        assertThat(MasterKeys.resolve("k2:" + b + ",k1:" + a, null, "k1", false, dataDir).currentKeyId()).isEqualTo("k1");
        assertThatThrownBy(() -> MasterKeys.resolve("k2:" + b, null, "k9", false, dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("current-key-id").hasMessageNotContaining(b);
    }

    @Test
    void singleKeyKeepsItsDerivedIdSoExistingEnvelopesStillDecrypt() {
        String a = randomKey();
        MasterKeys single = MasterKeys.resolve(null, a, null, false, dataDir);
        String envelope = vault(single).encrypt(ROW, "c", "secret-under-a");
        String derived = AesGcmCredentialVault.keyIdOf(Base64.getDecoder().decode(a));
        assertThat(single.currentKeyId()).isEqualTo(derived);
        assertThat(envelope).startsWith("v1:" + derived + ":");

        // The operator names the old key and adds a new one: the old envelope still decrypts, new ones use k2.
        String b = randomKey();
        AesGcmCredentialVault rotated = vault(MasterKeys.resolve("k2:" + b + ",k1:" + a, null, null, false, dataDir));
        assertThat(rotated.decrypt(ROW, "c", envelope)).isEqualTo("secret-under-a");
        assertThat(rotated.encrypt(ROW, "c", "x")).startsWith("v1:k2:");

        // Or keeps ENCRYPTION_KEY as it is and only adds ENCRYPTION_KEYS: the single key joins as an older key.
        MasterKeys merged = MasterKeys.resolve("k2:" + b, a, null, false, dataDir);
        assertThat(merged.keys().keySet()).containsExactly("k2", derived);
        assertThat(vault(merged).decrypt(ROW, "c", envelope)).isEqualTo("secret-under-a");
        // Listed under a name and set as ENCRYPTION_KEY too: one copy.
        assertThat(MasterKeys.resolve("k1:" + a, a, null, false, dataDir).keys()).hasSize(1);
    }

    @Test
    void entriesWithoutIdGetTheDerivedIdAndPassphrasesWork() {
        String a = randomKey();
        String passphrase = "a rotation passphrase: long enough and with a colon";
        MasterKeys keys = MasterKeys.resolve(a + ",old:" + passphrase, null, null, false, dataDir);
        assertThat(keys.keys().keySet()).containsExactly(AesGcmCredentialVault.keyIdOf(Base64.getDecoder().decode(a)), "old");
        assertThat(keys.keys().get("old")).isEqualTo(MasterKeyLoader.parse(passphrase));
    }

    @Test
    void badListsAreRefusedWithoutEchoingKeys() {
        String a = randomKey();
        String[] bad = {"k1:" + a + ",k1:" + randomKey(), "k1:" + a + ",k2:" + a, "bad id!:" + a, "k1:short", ":" + a};
        for (String list : bad) {
            assertThatThrownBy(() -> MasterKeys.resolve(list, null, null, false, dataDir)).as(list)
                    .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(a).hasMessageNotContaining("short");
        }
        assertThatThrownBy(() -> MasterKeys.resolve(" , ", null, null, false, dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENCRYPTION_KEY is not set");
    }

    @Test
    void noKeyOnEmbeddedDefaultsUsesTheGeneratedFile() {
        MasterKeys first = MasterKeys.resolve("", "", null, true, dataDir);
        MasterKeys again = MasterKeys.resolve(null, null, null, true, dataDir);
        assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(first.toString()).contains(first.currentKeyId()).doesNotContain(Base64.getEncoder().encodeToString(
                first.keys().get(first.currentKeyId())));
    }

    private static AesGcmCredentialVault vault(MasterKeys keys) {
        return new AesGcmCredentialVault(keys.keys(), keys.currentKeyId());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
