package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginWritesTest {

    @Test
    void noOriginOrTheSameHostPasses() {
        assertThat(SameOriginWrites.sameOrigin(null, "ops.example.com")).isTrue();
        assertThat(SameOriginWrites.sameOrigin("https://ops.example.com", "ops.example.com")).isTrue();
        assertThat(SameOriginWrites.sameOrigin("http://127.0.0.1:3001", "127.0.0.1:3001")).isTrue();
    }

    @Test
    void anotherHostPortOrAnOpaqueOriginIsRefused() {
        assertThat(SameOriginWrites.sameOrigin("https://evil.example", "ops.example.com")).isFalse();
        assertThat(SameOriginWrites.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:3001")).isFalse();
        assertThat(SameOriginWrites.sameOrigin("null", "ops.example.com")).isFalse();
        assertThat(SameOriginWrites.sameOrigin("https://ops.example.com", null)).isFalse();
        assertThat(SameOriginWrites.sameOrigin("::not a uri::", "ops.example.com")).isFalse();
    }
}
