package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    private final LoginResponse login = LoginResponse.bearer("header.payload.signature", 3600, "csrf-value");

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureOnlyOverHttps() {
        assertThat(SessionCookies.start(login, false)).containsExactly(
                "coinsphere_session=header.payload.signature; Path=/; HttpOnly; SameSite=Strict",
                "coinsphere_csrf=csrf-value; Path=/; SameSite=Strict");
        assertThat(SessionCookies.start(login, true)).allSatisfy(c -> assertThat(c).contains("; Secure"));
    }

    @Test
    void clearingExpiresBothAtOnce() {
        assertThat(SessionCookies.clear(false)).containsExactly(
                "coinsphere_session=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict",
                "coinsphere_csrf=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict");
    }

    @Test
    void theCookieIsReadOnlyWhereALoginIsNeeded() {
        assertThat(CookieTokenResolver.readsCookie("/api/v1/exchanges/connections")).isTrue();
        assertThat(CookieTokenResolver.readsCookie("/api/v1/events")).isTrue();
        assertThat(CookieTokenResolver.readsCookie("/api/v1/auth/logout")).isTrue();
        assertThat(CookieTokenResolver.readsCookie("/api/v1/auth/session")).isTrue();
        assertThat(CookieTokenResolver.readsCookie("/api/v1/auth/login")).isFalse();
        assertThat(CookieTokenResolver.readsCookie("/api/v1/auth/register")).isFalse();
        assertThat(CookieTokenResolver.readsCookie("/")).isFalse();
        assertThat(CookieTokenResolver.readsCookie("/actuator/prometheus")).isFalse();
    }

    @Test
    void csrfTokensCompareExactly() {
        assertThat(SessionCsrfGuard.matches("abc", "abc")).isTrue();
        assertThat(SessionCsrfGuard.matches("abc", "abd")).isFalse();
        assertThat(SessionCsrfGuard.matches("abc", "abc ")).isFalse();
        assertThat(SessionCsrfGuard.matches("abc", null)).isFalse();
        assertThat(SessionCsrfGuard.matches(null, "abc")).isFalse();
        assertThat(SessionCsrfGuard.matches("", "")).isFalse();
    }
}
