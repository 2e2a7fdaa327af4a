package io.coinsphere.exchangesync.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void base64KeyIsUsedAsIs() {
        byte[] key = AesGcmCredentialVaultTest.randomKey();

        assertThat(MasterKeyLoader.parse(Base64.getEncoder().encodeToString(key))).isEqualTo(key);
        assertThat(MasterKeyLoader.parse(" " + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n")).isEqualTo(key);
    }

    @Test
    void passphraseIsStretchedDeterministically() {
        String passphrase = "correct horse battery staple, but longer";
        byte[] first = MasterKeyLoader.parse(passphrase);

        assertThat(first).hasSize(32).isEqualTo(MasterKeyLoader.parse(passphrase));
        assertThat(MasterKeyLoader.parse(passphrase + "!")).isNotEqualTo(first);
        // The same key after a "restart" means old envelopes still decrypt.
        UUID id = UUID.randomUUID();
        String envelope = AesGcmCredentialVault.withSingleKey(first).encrypt(id, "c", "x");
        assertThat(AesGcmCredentialVault.withSingleKey(MasterKeyLoader.parse(passphrase)).decrypt(id, "c", envelope)).isEqualTo("x");
    }

    @Test
    void shortPassphraseOrShortKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> MasterKeyLoader.parse("too-short-passphrase"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("too-short-passphrase");
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKeyLoader.parse(sixteenBytes)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingKeyRefusesToStartOutsideEmbeddedDefaults() {
        assertThatThrownBy(() -> MasterKeyLoader.resolve(null, false, dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENCRYPTION_KEY is not set");
        assertThatThrownBy(() -> MasterKeyLoader.resolve("  ", false, dataDir)).isInstanceOf(IllegalStateException.class);
        assertThat(dataDir.resolve(MasterKeyLoader.KEY_FILE)).doesNotExist();
    }

    @Test
    void embeddedDefaultsGenerateAnOwnerOnlyKeyFileAndReuseIt() throws Exception {
        Path dir = dataDir.resolve("nested");
        byte[] first = MasterKeyLoader.resolve(null, true, dir);
        Path file = dir.resolve(MasterKeyLoader.KEY_FILE);

        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(MasterKeyLoader.resolve("", true, dir)).isEqualTo(first);
    }

    @Test
    void configuredKeyWinsOverTheKeyFile() {
        MasterKeyLoader.resolve(null, true, dataDir);
        byte[] key = AesGcmCredentialVaultTest.randomKey();

        assertThat(MasterKeyLoader.resolve(Base64.getEncoder().encodeToString(key), true, dataDir)).isEqualTo(key);
    }

    @Test
    void corruptKeyFileIsRefused() throws Exception {
        Files.writeString(dataDir.resolve(MasterKeyLoader.KEY_FILE), "not a key");

        assertThatThrownBy(() -> MasterKeyLoader.resolve(null, true, dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not hold");
    }
}
