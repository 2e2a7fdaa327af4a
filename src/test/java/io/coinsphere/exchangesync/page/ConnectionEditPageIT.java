package io.coinsphere.exchangesync.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Editing a connection and replacing its API key on the exchanges page, in a real Chromium against
 * the running service and the exchange emulator: the edit dialog, the server's validation message
 * next to its field, and a connection disabled by a rejected key repaired with a new one.
 */
class ConnectionEditPageIT extends BrowserTest {

    private ApiClient user;

    @BeforeEach
    void newUserOnTheDesktop() {
        browser.resize(1280, 900);
        user = newUser();
    }

    @Test
    void editedLabelAndIntervalShowAtOnceAndSurviveAReload() {
        UUID id = connectLabelled(account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")), "Main");
        awaitRuns(id, 1);
        browser.openExchangesAs(user.token());
        browser.script("window.__sameDocument = true");

        browser.click(cardCss(id) + " [data-action='edit']");
        browser.visible("#edit-dialog");
        assertThat(browser.activeId()).as("focus starts on the label").isEqualTo("e-label");
        assertThat(browser.find("#edit-title").getText()).isEqualTo("Edit Main");
        assertThat(browser.find("#e-label").getAttribute("value")).isEqualTo("Main");
        assertThat(browser.find("#e-syncInterval").getAttribute("value")).isEqualTo("300");
        assertThat(browser.find("#e-autoSync").isSelected()).isTrue();
        assertThat(browser.find("#e-syncInterval-hint").getText()).contains("every 5 min");
        screenshot("screenshot-edit-dialog.png");

        replace("#e-label", "Savings <b>");
        replace("#e-syncInterval", "3600");
        assertThat(browser.find("#e-syncInterval-hint").getText()).contains("every hour");
        browser.find("#submit-edit").click();

        browser.gone("#edit-dialog");
        browser.until(d -> "Savings <b>".equals(text(id, ".connection-label")));
        assertThat(text(id, ".switch-text")).isEqualTo("Every hour");
        assertThat(browser.script("return document.activeElement.dataset.action")).as("focus back on Edit").isEqualTo("edit");
        assertThat(browser.script("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        toast("Saved Savings <b>");

        browser.open("/exchanges");
        browser.waitUntilLoaded();
        assertThat(text(id, ".connection-label")).isEqualTo("Savings <b>");
        assertThat(text(id, ".switch-text")).isEqualTo("Every hour");
        JsonNode stored = user.get("/api/v1/exchanges/connections/" + id).body().get("connection");
        assertThat(stored.get("label").asText()).isEqualTo("Savings <b>");
        assertThat(stored.get("syncInterval").asInt()).isEqualTo(3600);
        assertThat(stored.get("autoSync").asBoolean()).isTrue();
    }

    @Test
    void anIntervalOutOfRangeShowsTheServersMessageAndChangesNothing() {
        UUID id = connectLabelled(account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")), "Cold");
        awaitRuns(id, 1);
        browser.openExchangesAs(user.token());

        browser.click(cardCss(id) + " [data-action='edit']");
        browser.visible("#edit-dialog");
        replace("#e-label", "Renamed");
        replace("#e-syncInterval", "30");
        browser.find("#submit-edit").click();

        WebElement error = browser.visible("#e-syncInterval-error");
        assertThat(error.getText()).isEqualTo("Sync interval must be between 60 and 86400 seconds");
        assertThat(browser.find("#e-syncInterval").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.activeId()).as("focus on the field in error").isEqualTo("e-syncInterval");
        assertThat(browser.find("#e-label-error").isDisplayed()).isFalse();
        assertThat(browser.find("#edit-dialog").isDisplayed()).isTrue();
        JsonNode stored = user.get("/api/v1/exchanges/connections/" + id).body().get("connection");
        assertThat(stored.get("label").asText()).as("a refused edit changes nothing").isEqualTo("Cold");
        assertThat(stored.get("syncInterval").asInt()).isEqualTo(300);
        assertThat(text(id, ".connection-label")).isEqualTo("Cold");

        browser.find("#e-syncInterval").sendKeys("0");
        assertThat(browser.find("#e-syncInterval-error").isDisplayed()).as("typing clears the field's error").isFalse();

        // Focus stays inside: Tab from the last control (the error toast shown inside the dialog) wraps to
        // the first, Shift+Tab goes back, and Escape closes.
        browser.script("""
                const items = [...document.querySelectorAll('#edit-dialog button, #edit-dialog input')]
                    .filter((n) => !n.disabled && n.offsetParent !== null);
                items[items.length - 1].focus();""");
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.getAttribute('aria-label')")).isEqualTo("Close");
        browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(browser.script("return document.getElementById('edit-dialog').contains(document.activeElement)"))
                .isEqualTo(true);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.gone("#edit-dialog");
        assertThat(browser.script("return document.activeElement.dataset.action")).as("focus back on Edit").isEqualTo("edit");
        assertThat(user.get("/api/v1/exchanges/connections/" + id).body().get("connection").get("syncInterval").asInt())
                .isEqualTo(300);
    }

    @Test
    void aDisabledConnectionIsRepairedByReplacingItsKey() {
        EmulatedAccount old = account(ExchangeId.KUCOIN).setBalance("USDT", dec("100"), dec("0"));
        UUID id = connectLabelled(old, "Trading");
        awaitRuns(id, 1);
        EMULATOR.removeAccount(ExchangeId.KUCOIN, old.apiKey());
        syncNow(user, id);
        assertThat(connectionRow(id)).containsEntry("status", "disabled");
        browser.openExchangesAs(user.token());

        assertThat(text(id, "[data-role='status']")).isEqualTo("Disabled");
        assertThat(text(id, "[data-role='last-error']")).startsWith("Needs attention: ");
        WebElement replaceKey = find(id, "[data-action='replace-key']");
        assertThat(replaceKey.isDisplayed()).isTrue();
        assertThat(replaceKey.getAttribute("class")).as("offered prominently").contains("btn-primary");
        browser.click(cardCss(id) + " [data-action='replace-key']");

        browser.visible("#key-dialog");
        assertThat(browser.activeId()).isEqualTo("k-apiKey");
        assertThat(browser.find("#key-title").getText()).isEqualTo("Replace the API key of Trading");
        assertThat(browser.find("#key-exchange").getText()).contains("KuCoin");
        assertThat(browser.find("#k-passphrase").isDisplayed()).as("KuCoin keys have a passphrase").isTrue();
        assertThat(browser.find("#k-apiSecret").getAttribute("type")).isEqualTo("password");
        screenshot("screenshot-replace-key.png");

        browser.find("#submit-key").click();
        assertThat(browser.visible("#k-apiKey-error").getText()).isEqualTo("API key is required");
        assertThat(browser.find("#k-passphrase-error").getText()).isEqualTo("Passphrase is required");

        // A key the exchange rejects: said in the dialog, and the connection stays as it was.
        browser.find("#k-apiKey").sendKeys("unknown-key-" + UUID.randomUUID());
        browser.find("#k-apiSecret").sendKeys("unknown-secret-" + UUID.randomUUID());
        browser.find("#k-passphrase").sendKeys("unknown-passphrase");
        browser.find("#submit-key").click();
        WebElement result = browser.until(d -> {
            WebElement r = browser.find("#key-result");
            return "error".equals(r.getAttribute("data-outcome")) ? r : null;
        });
        assertThat(result.getText()).contains("KuCoin rejected this key");
        assertThat(connectionRow(id)).containsEntry("status", "disabled");
        assertThat(browser.find("#key-dialog").isDisplayed()).isTrue();

        EmulatedAccount replacement = account(ExchangeId.KUCOIN).setBalance("USDT", dec("42"), dec("0"));
        replace("#k-apiKey", replacement.apiKey());
        replace("#k-apiSecret", replacement.apiSecret());
        replace("#k-passphrase", replacement.passphrase());
        browser.find("#submit-key").click();

        browser.gone("#key-dialog");
        toast("KuCoin accepted the new key for Trading");
        browser.until(d -> "42".equals(attr(id, "li[data-symbol='USDT'] .amount", "title")));
        browser.until(ExpectedConditions.attributeToBe(card(id), "data-status", "active"));
        assertThat(text(id, "[data-role='status']")).isEqualTo("Active");
        assertThat(text(id, "[data-role='key-hint']")).isEqualTo("…" + last4(replacement.apiKey()));
        assertThat(browser.findAll(cardCss(id) + " [data-action='replace-key']")).as("nothing left to repair").isEmpty();
        assertThat(browser.findAll(cardCss(id) + " [data-role='last-error']")).isEmpty();
        assertThat(browser.script("return document.activeElement.dataset.action")).as("focus stays on the card").isEqualTo("edit");
        assertThat(connectionRow(id)).containsEntry("status", "active");
        assertThat(holdings(id)).containsEntry("USDT", dec("42"));
        assertThat(browser.find("body").getText()).doesNotContain(replacement.apiSecret()).doesNotContain(replacement.passphrase());
        assertThat(browser.find("#k-apiSecret").getAttribute("value")).as("the form is cleared").isEmpty();
    }

    @Test
    void aFailingCardOffersReplaceKeyAndEditReachesItToo() {
        EmulatedAccount account = account(ExchangeId.COINBASE).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connectLabelled(account, "Coinbase main");
        awaitRuns(id, 1);
        EMULATOR.failAlways(ExchangeId.COINBASE, account.apiKey(), Failure.serverError(503));
        try {
            syncNow(user, id);
        } finally {
            EMULATOR.clearFailures(ExchangeId.COINBASE, account.apiKey());
        }
        browser.openExchangesAs(user.token());
        browser.until(ExpectedConditions.attributeToBe(card(id), "data-status", "error"));
        assertThat(find(id, "[data-action='replace-key']").isDisplayed()).isTrue();

        browser.click(cardCss(id) + " [data-action='edit']");
        browser.visible("#edit-dialog");
        assertThat(browser.find("#edit-key-hint").getText()).isEqualTo("…" + last4(account.apiKey()));
        browser.find("#edit-replace-key").click();
        browser.gone("#edit-dialog");
        browser.visible("#key-dialog");
        assertThat(browser.activeId()).isEqualTo("k-apiKey");
        browser.find("#cancel-key").click();
        browser.gone("#key-dialog");
        assertThat(browser.script("return document.activeElement.dataset.action")).as("focus back on Edit").isEqualTo("edit");
    }

    @Test
    void bothDialogsFitAPhoneScreen() {
        UUID id = connectLabelled(account(ExchangeId.KUCOIN).setBalance("BTC", dec("0.5"), dec("0")), "Phone check");
        awaitRuns(id, 1);
        browser.resize(375, 812);
        browser.openExchangesAs(user.token());

        assertThat(noSidewaysScrolling()).isTrue();
        assertThat(find(id, "[data-action='edit']").isDisplayed()).isTrue();
        browser.click(cardCss(id) + " [data-action='edit']");
        assertThat(browser.visible("#submit-edit").isDisplayed()).isTrue();
        assertThat(noSidewaysScrolling()).isTrue();
        assertThat(fitsTheViewport("#edit-dialog")).isTrue();

        // Auto-sync off from the dialog: the card says so at once.
        browser.find("#e-autoSync").click();
        browser.find("#submit-edit").click();
        browser.gone("#edit-dialog");
        browser.until(d -> "Off".equals(text(id, ".switch-text")));
        assertThat(find(id, "[data-action='auto-sync']").isSelected()).isFalse();

        browser.click(cardCss(id) + " [data-action='edit']");
        browser.visible("#edit-replace-key").click();
        assertThat(browser.visible("#submit-key").isDisplayed()).isTrue();
        assertThat(fitsTheViewport("#key-dialog")).isTrue();
        assertThat(noSidewaysScrolling()).isTrue();
        browser.find("#cancel-key").click();
        browser.gone("#key-dialog");
    }

    // ---- helpers ----

    /** Saves a picture for the docs when asked to ({@code -Dscreenshots=docs}); not a check of its own. */
    private void screenshot(String name) {
        String target = System.getProperty("screenshots");
        if (target != null) {
            try {
                browser.screenshot(Path.of(target, name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private boolean noSidewaysScrolling() {
        return Boolean.TRUE.equals(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"));
    }

    private boolean fitsTheViewport(String css) {
        return Boolean.TRUE.equals(browser.script(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + " return r.left >= 0 && r.right <= window.innerWidth;", css));
    }

    /** Replaces an input's value as a user would: select everything, then type. */
    private void replace(String css, String value) {
        WebElement input = browser.find(css);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(Keys.DELETE);
        input.sendKeys(value);
    }

    /** Waits for a toast with this text (toasts stack; the newest is not always the one). */
    private void toast(String text) {
        browser.until(d -> browser.findAll(".toast .toast-text").stream().anyMatch(t -> t.getText().contains(text)));
    }

    private UUID connectLabelled(EmulatedAccount account, String label) {
        ApiClient.Response response = user.post("/api/v1/exchanges/connect", credentials(account, label));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return UUID.fromString(response.text("connectionId"));
    }

    private static String last4(String apiKey) {
        return apiKey.substring(apiKey.length() - 4);
    }

    private static String cardCss(Object id) {
        return "article[data-connection-id='" + id + "']";
    }

    private static By card(Object id) {
        return By.cssSelector(cardCss(id));
    }

    private WebElement find(Object id, String css) {
        return browser.find(cardCss(id) + " " + css);
    }

    private String text(Object id, String css) {
        return browser.text(cardCss(id) + " " + css);
    }

    private String attr(Object id, String css, String name) {
        return browser.attr(cardCss(id) + " " + css, name);
    }
}
