package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashesAndChecks() {
        String hash = hasher.hash("correct horse");

        assertThat(hash).startsWith("$2a$04$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsf", hash)).isFalse();
        assertThat(hasher.matchesNothing("correct horse")).isFalse();
    }

    @Test
    void passwordsBeyond72BytesKeepEveryCharacter() {
        String base = "ä".repeat(40); // 80 UTF-8 bytes
        String hash = hasher.hash(base + "1");

        assertThat(hasher.matches(base + "1", hash)).isTrue();
        assertThat(hasher.matches(base + "2", hash)).isFalse();
        assertThat(PasswordHasher.prepare("short")).isEqualTo("short");
        assertThat(PasswordHasher.prepare(base).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(72);
    }
}
