package io.coinsphere.exchangesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestGuardTest {

    @Test
    void onlyJsonInUtf8IsABody() {
        assertThat(ApiRequestGuard.isJson("application/json")).isTrue();
        assertThat(ApiRequestGuard.isJson("application/json; charset=UTF-8")).isTrue();
        assertThat(ApiRequestGuard.isJson("Application/JSON")).isTrue();
        assertThat(ApiRequestGuard.isJson("application/json; charset=utf-16")).isFalse();
        assertThat(ApiRequestGuard.isJson("text/plain")).isFalse();
        assertThat(ApiRequestGuard.isJson("application/jsonx")).isFalse();
        assertThat(ApiRequestGuard.isJson("%%%")).isFalse();
        assertThat(ApiRequestGuard.isJson(null)).isFalse();
    }
}
