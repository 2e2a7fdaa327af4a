package io.coinsphere.exchangesync.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.auth.SessionCookies;
import io.coinsphere.exchangesync.support.ApiClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sign-in / sign-up page in a real Chromium: it leads to /exchanges and back. */
class SignInPageIT extends BrowserTest {


    @BeforeEach
    void signedOut() {
        browser.signOutHere();
        browser.open("/?reason=none");
    }

    @Test
    void signUpLandsOnTheExchangesPageAndSignOutComesBack() {
        String email = "page-" + UUID.randomUUID() + "@example.com";
        browser.open("/");
        browser.visible("#switch-mode").click();
        assertThat(browser.find("#auth-title").getText()).isEqualTo("Create your account");
        browser.find("#email").sendKeys(email);
        browser.find("#password").sendKeys("correct horse battery");
        browser.find("#auth-submit").click();

        browser.until(ExpectedConditions.urlToBe(base() + "/exchanges"));
        browser.waitUntilLoaded();
        assertThat(browser.find("#empty-state").isDisplayed()).isTrue();

        String token = browser.cookie(SessionCookies.SESSION);
        assertThat(token).isNotBlank();
        browser.find("#sign-out").click();
        browser.until(ExpectedConditions.urlContains("reason=signedout"));
        assertThat(browser.visible("#auth-notice").getText()).isEqualTo("You are signed out.");
        // Signing out cleared both cookies, and the token itself no longer works anywhere.
        assertThat(browser.cookie(SessionCookies.SESSION)).isNull();
        assertThat(browser.cookie(SessionCookies.CSRF)).isNull();
        assertThat(new ApiClient(port, token).get("/api/v1/exchanges/connections").status()).isEqualTo(401);
        browser.open("/exchanges");
        browser.until(ExpectedConditions.urlToBe(base() + "/"));

        browser.find("#email").sendKeys(email);
        browser.find("#password").sendKeys("correct horse battery");
        browser.find("#auth-submit").click();
        browser.until(ExpectedConditions.urlToBe(base() + "/exchanges"));
        browser.waitUntilLoaded();
    }

    @Test
    void theSessionCookieIsOutOfReachOfScripts() {
        signUp();
        assertThat(browser.cookie(SessionCookies.SESSION)).isNotBlank();
        assertThat(browser.httpOnly(SessionCookies.SESSION)).isTrue();
        String visible = (String) browser.script("return document.cookie");
        assertThat(visible).doesNotContain(SessionCookies.SESSION).doesNotContain(browser.cookie(SessionCookies.SESSION))
                .contains(SessionCookies.CSRF + "=");
        // Opening the sign-in page while signed in goes straight back to the exchanges.
        browser.open("/");
        browser.until(ExpectedConditions.urlToBe(base() + "/exchanges"));
        browser.waitUntilLoaded();
    }

    @Test
    void aWriteThatCarriesOnlyTheCookieIsRefused() {
        signUp();
        // What a forged request looks like to the service: the browser adds the cookie, nobody adds the token.
        String forged = fetchStatus("POST", "/api/v1/exchanges/sync-all", null);
        assertThat(forged).isEqualTo("403 csrf_failed");
        assertThat(fetchStatus("POST", "/api/v1/auth/logout", null)).isEqualTo("403 csrf_failed");
        String csrf = browser.cookie(SessionCookies.CSRF);
        assertThat(fetchStatus("POST", "/api/v1/exchanges/sync-all", csrf)).startsWith("202");
        browser.open("/exchanges");
        browser.waitUntilLoaded();
    }

    @Test
    void wrongPasswordIsShownOnTheForm() {
        browser.open("/");
        browser.visible("#email").sendKeys("nobody-" + UUID.randomUUID() + "@example.com");
        browser.find("#password").sendKeys("not the password");
        browser.find("#auth-submit").click();

        assertThat(browser.visible("#form-error").getText()).isEqualTo("Invalid email or password");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base() + "/");
    }

    @Test
    void signUpErrorsAreShownNextToTheirField() {
        browser.open("/");
        browser.visible("#switch-mode").click();
        browser.find("#auth-submit").click();
        assertThat(browser.visible("#email-error").getText()).isEqualTo("Email is required");
        assertThat(browser.find("#password-error").getText()).isEqualTo("Password is required");

        browser.find("#email").sendKeys("not-an-email");
        browser.find("#password").sendKeys("long enough password");
        browser.find("#auth-submit").click();
        browser.until(d -> browser.find("#email-error").getText().equals("Email must be a valid email address"));
        assertThat(browser.find("#email").getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void theExchangesPageNeedsASignIn() {
        browser.open("/exchanges");
        browser.until(ExpectedConditions.urlToBe(base() + "/"));
        assertThat(browser.visible("#auth-title").getText()).isEqualTo("Sign in");
    }

    @Test
    void anExpiredSessionGoesBackToSignInWithANotice() {
        browser.setSession("expired.or.forged", "some-csrf-token");
        browser.open("/exchanges");
        browser.until(ExpectedConditions.urlContains("reason=expired"));
        assertThat(browser.visible("#auth-notice").getText()).contains("session has ended");
    }

    private void signUp() {
        browser.open("/");
        browser.visible("#switch-mode").click();
        browser.find("#email").sendKeys("page-" + UUID.randomUUID() + "@example.com");
        browser.find("#password").sendKeys("correct horse battery");
        browser.find("#auth-submit").click();
        browser.until(ExpectedConditions.urlToBe(base() + "/exchanges"));
        browser.waitUntilLoaded();
    }

    /** A fetch from the page, as the browser sends it (cookies included): "status error-code". */
    private String fetchStatus(String method, String path, String csrfHeader) {
        return (String) browser.asyncScript("""
                const [method, path, csrf, done] = arguments;
                const headers = csrf ? { 'X-CSRF-Token': csrf } : {};
                fetch(path, { method, headers, credentials: 'same-origin' })
                  .then(async (r) => done(r.status + ' ' + ((await r.json()).error || '')))
                  .catch((e) => done('failed ' + e));
                """, method, path, csrfHeader);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
