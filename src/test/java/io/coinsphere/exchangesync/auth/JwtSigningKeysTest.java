package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void generatedKeyIsOwnerOnlyAndReusedAfterRestart() throws Exception {
        RSAKey first = JwtSigningKeys.loadOrCreate(dataDir);
        Path file = dataDir.resolve(JwtSigningKeys.KEY_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.size()).isEqualTo(2048);

        RSAKey again = JwtSigningKeys.loadOrCreate(dataDir);
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
    }

    @Test
    void configuredPemIsParsedAndGarbageRefused() {
        RSAKey generated = JwtSigningKeys.loadOrCreate(dataDir);
        String pem = JwtSigningKeys.toPem((java.security.interfaces.RSAPrivateCrtKey) toPrivate(generated));

        assertThat(JwtSigningKeys.fromPem(pem).getKeyID()).isEqualTo(generated.getKeyID());
        assertThatThrownBy(() -> JwtSigningKeys.fromPem("not a key")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("not a key");
        assertThatThrownBy(() -> JwtSigningKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static java.security.PrivateKey toPrivate(RSAKey key) {
        try {
            return key.toPrivateKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
