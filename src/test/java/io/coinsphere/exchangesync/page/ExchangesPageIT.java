package io.coinsphere.exchangesync.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The exchanges page in a real Chromium against the running service and the exchange emulator:
 * the modal, the cards, the holdings, Sync Now, errors, disconnect and live updates.
 */
class ExchangesPageIT extends BrowserTest {

    private ApiClient user;

    @BeforeEach
    void newUserOnTheDesktop() {
        browser.resize(1280, 900);
        user = newUser();
    }

    // ---- page, empty state, security notice ----

    @Test
    void pageRendersWithEmptyStateAndSecurityNotice() {
        browser.openExchangesAs(user.token());

        assertThat(browser.find("h1").getText()).isEqualTo("Exchange connections");
        assertThat(browser.find("#open-connect").getText()).isEqualTo("Connect Exchange");
        assertThat(browser.find("#sync-all").getText()).isEqualTo("Sync All");
        assertThat(browser.find("#empty-state").isDisplayed()).isTrue();
        assertThat(browser.find("#empty-state").getText()).contains("No exchanges connected yet");
        assertThat(browser.findAll("#connections article")).isEmpty();
        assertThat(browser.find("#portfolio").isDisplayed()).isFalse();
        WebElement notice = browser.find("#security-notice");
        assertThat(notice.isDisplayed()).isTrue();
        assertThat(notice.getText()).contains("AES-256-GCM", "read-only", "2FA", "revoke");
        assertThat(browser.find("#live-text").getText()).isEqualTo("Live");
    }

    // ---- connect modal ----

    @Test
    void modalOpensWithEveryExchangeOfTheRegistryAndShowsTheFormAfterChoosingOne() {
        browser.openExchangesAs(user.token());
        browser.find("#empty-connect").click();

        WebElement dialog = browser.visible("#connect-dialog");
        assertThat(dialog.getAttribute("open")).isNotNull();
        List<String> names = browser.findAll(".exchange-option .exchange-name").stream().map(WebElement::getText).toList();
        // One Coinbase tile covers both Coinbase key kinds.
        assertThat(names).containsExactlyElementsOf(Arrays.stream(ExchangeId.values()).filter(id -> id != ExchangeId.COINBASE_ADVANCED)
                .map(id -> id == ExchangeId.COINBASE ? "Coinbase" : id.displayName()).toList());
        assertThat(browser.activeId()).isNullOrEmpty();
        assertThat(browser.script("return document.activeElement.dataset.exchange")).isEqualTo("binance");

        browser.find(".exchange-option[data-exchange='kraken']").click();
        browser.visible("#step-form");
        assertThat(browser.find("#step-choose").isDisplayed()).isFalse();
        assertThat(browser.find("#chosen-exchange").getText()).contains("Kraken");
        assertThat(browser.find("label[for='f-label']").getText()).contains("Label");
        assertThat(browser.find("label[for='f-apiKey']").getText()).isEqualTo("API key");
        assertThat(browser.find("label[for='f-apiSecret']").getText()).isEqualTo("API secret");
        assertThat(browser.find("#f-apiSecret").getAttribute("type")).isEqualTo("password");
        assertThat(browser.activeId()).isEqualTo("f-apiKey");

        browser.find("#back-to-choose").click();
        browser.visible("#step-choose");
        assertThat(browser.find("#step-form").isDisplayed()).isFalse();
    }

    @Test
    void passphraseFieldOnlyForExchangesWhoseKeysHaveOne() {
        browser.openExchangesAs(user.token());
        for (ExchangeId exchange : ExchangeId.values()) {
            choose(exchange);
            assertThat(browser.find("#field-passphrase").isDisplayed()).as(exchange.displayName())
                    .isEqualTo(exchange.requiresPassphrase());
            browser.find("#cancel-connect").click();
            browser.gone("#connect-dialog");
        }
    }

    @Test
    void allFieldsAreRequiredForTheTest() {
        browser.openExchangesAs(user.token());
        choose(ExchangeId.KUCOIN);

        browser.find("#test-connection").click();

        assertThat(browser.visible("#f-apiKey-error").getText()).isEqualTo("API key is required");
        assertThat(browser.find("#f-apiSecret-error").getText()).isEqualTo("API secret is required");
        assertThat(browser.find("#f-passphrase-error").getText()).isEqualTo("Passphrase is required");
        assertThat(browser.find("#f-apiKey").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.activeId()).isEqualTo("f-apiKey");
        assertThat(browser.find("#test-result").isDisplayed()).isFalse();
        assertThat(browser.find("#submit-connect").isEnabled()).isFalse();

        browser.find("#f-apiKey").sendKeys("something");
        assertThat(browser.find("#f-apiKey-error").isDisplayed()).as("typing clears the field's error").isFalse();
        assertThat(browser.find("#f-apiSecret-error").isDisplayed()).isTrue();
    }

    @Test
    void cancelAndEscapeCloseTheModalAndFocusStaysInside() {
        browser.openExchangesAs(user.token());
        choose(ExchangeId.BINANCE);
        browser.find("#f-apiKey").sendKeys("typed-key");

        // Focus trap: Tab from the last enabled control wraps to the first, Shift+Tab wraps back.
        browser.find("#test-connection").click();
        browser.find("#f-apiSecret").sendKeys("x");
        browser.script("document.getElementById('test-connection').focus()");
        browser.find("#test-connection").sendKeys(Keys.TAB);
        assertThat(browser.script("return document.getElementById('connect-dialog').contains(document.activeElement)")).isEqualTo(true);
        assertThat(browser.script("return document.activeElement.getAttribute('aria-label')")).isEqualTo("Close");
        browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(browser.activeId()).isEqualTo("test-connection");

        browser.find("#cancel-connect").click();
        browser.gone("#connect-dialog");
        assertThat(browser.activeId()).as("focus returns to the opener").isEqualTo("open-connect");

        browser.find("#open-connect").click();
        browser.visible("#step-choose");
        browser.find(".exchange-option[data-exchange='binance']").click();
        assertThat(browser.visible("#f-apiKey").getAttribute("value")).as("cancel clears the form").isEmpty();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.gone("#connect-dialog");
    }

    @Test
    void invalidCredentialsAreRejectedInTheModal() {
        browser.openExchangesAs(user.token());
        choose(ExchangeId.BINANCE);
        browser.find("#f-apiKey").sendKeys("unknown-key-" + UUID.randomUUID());
        browser.find("#f-apiSecret").sendKeys("unknown-secret-" + UUID.randomUUID());

        browser.find("#test-connection").click();

        WebElement result = browser.until(d -> {
            WebElement r = browser.find("#test-result");
            return "error".equals(r.getAttribute("data-outcome")) ? r : null;
        });
        assertThat(result.getText()).contains("rejected");
        assertThat(browser.find("#submit-connect").isEnabled()).isFalse();
        assertThat(browser.find("#connect-dialog").isDisplayed()).isTrue();
        assertThat(user.get("/api/v1/exchanges/connections").body().get("connections")).isEmpty();
    }

    @Test
    void connectIsEnabledOnlyAfterASuccessfulTestOfTheSameValues() {
        EmulatedAccount account = account(ExchangeId.BINANCE);
        browser.openExchangesAs(user.token());
        choose(ExchangeId.BINANCE);
        fill(account, "Main");
        assertThat(browser.find("#submit-connect").isEnabled()).isFalse();

        testAndWaitForSuccess();
        assertThat(browser.find("#submit-connect").isEnabled()).isTrue();

        browser.find("#f-label").sendKeys(" account");
        assertThat(browser.find("#submit-connect").isEnabled()).as("an edit needs a new test").isFalse();
        assertThat(browser.find("#test-result").isDisplayed()).isFalse();

        testAndWaitForSuccess();
        assertThat(browser.find("#submit-connect").isEnabled()).isTrue();
    }

    @Test
    void fullConnectionWorkflowAgainstTheEmulator() {
        EmulatedAccount account = account(ExchangeId.KUCOIN)
                .setBalance("BTC", dec("1.123456789012345678"), dec("0"))
                .setBalance("ETH", dec("20.5"), dec("1.25"));
        browser.openExchangesAs(user.token());
        choose(ExchangeId.KUCOIN);
        fill(account, "Trading account");
        testAndWaitForSuccess();
        browser.find("#submit-connect").click();

        browser.gone("#connect-dialog");
        toast("Trading account connected");
        browser.visible("#connections article");
        String id = browser.attr("#connections article", "data-connection-id");
        browser.until(ExpectedConditions.attributeToBe(card(id), "data-status", "active"));
        assertThat(browser.find("#empty-state").isDisplayed()).isFalse();
        assertThat(text(id, ".connection-label")).isEqualTo("Trading account");
        assertThat(text(id, ".connection-exchange")).isEqualTo("KuCoin");
        assertThat(text(id, "[data-role='status']")).isEqualTo("Active");
        assertThat(text(id, "[data-role='key-hint']")).isEqualTo("…" + account.apiKey().substring(account.apiKey().length() - 4));
        assertThat(text(id, "[data-role='last-sync']")).isEqualTo("just now");
        assertThat(attr(id, "[data-role='last-sync']", "title")).isNotBlank();
        assertThat(text(id, ".switch-text")).isEqualTo("Every 5 min");
        assertThat(find(id, "[data-action='auto-sync']").isSelected()).isTrue();

        browser.visible(cardCss(id) + " li[data-symbol='BTC'] .amount");
        assertThat(text(id, "li[data-symbol='BTC'] .amount")).isEqualTo("1.1235");
        assertThat(attr(id, "li[data-symbol='BTC'] .amount", "title")).isEqualTo("1.123456789012345678");
        assertThat(browser.attr("#portfolio-body tr[data-symbol='ETH'] td.num .amount", "title")).isEqualTo("21.75");
        assertThat(browser.text("#portfolio-body tr[data-symbol='ETH']")).contains("KuCoin · Trading account");
        assertThat(browser.find("body").getText()).doesNotContain(account.apiSecret()).doesNotContain(account.passphrase());
    }

    // ---- cards: sync, errors, disconnect ----

    @Test
    void syncNowUpdatesLastSyncAndHoldings() {
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        browser.openExchangesAs(user.token());
        String firstSync = lastSync(id);
        assertThat(firstSync).isNotBlank();

        account.setBalance("BTC", dec("2.5"), dec("0"));
        browser.click(cardCss(id) + " [data-action='sync']");

        browser.until(d -> !lastSync(id).equals(firstSync));
        browser.until(ExpectedConditions.attributeToBe(card(id.toString()), "data-status", "active"));
        assertThat(attr(id, "li[data-symbol='BTC'] .amount", "title")).isEqualTo("2.5");
        assertThat(text(id, "[data-action='sync']")).isEqualTo("Sync Now");
        toast("Binance synced");
    }

    @Test
    void errorStatusShowsTheErrorText() {
        EmulatedAccount account = account(ExchangeId.COINBASE).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        browser.openExchangesAs(user.token());
        EMULATOR.failAlways(ExchangeId.COINBASE, account.apiKey(), Failure.serverError(503));
        try {
            browser.click(cardCss(id) + " [data-action='sync']");

            browser.until(ExpectedConditions.attributeToBe(card(id.toString()), "data-status", "error"));
            String stored = user.get("/api/v1/exchanges/connections/" + id).body().get("connection").get("lastError").asText();
            assertThat(stored).isNotBlank();
            assertThat(text(id, "[data-role='status']")).isEqualTo("Error");
            assertThat(text(id, "[data-role='last-error']")).isEqualTo("Last error: " + stored);
            assertThat(attr(id, "li[data-symbol='BTC'] .amount", "title")).as("holdings kept").isEqualTo("1");
        } finally {
            EMULATOR.clearFailures(ExchangeId.COINBASE, account.apiKey());
        }
    }

    @Test
    void disconnectAsksForConfirmationThenRemovesTheCardAndItsHoldings() {
        UUID binance = connectLabelled(account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")), "Binance main");
        UUID kraken = connectLabelled(account(ExchangeId.KRAKEN).setBalance("XXBT", dec("2"), dec("0")), "Kraken cold");
        awaitRuns(binance, 1);
        awaitRuns(kraken, 1);
        browser.openExchangesAs(user.token());
        assertThat(browser.attr("#portfolio-body tr[data-symbol='BTC'] td.num .amount", "title")).isEqualTo("3");

        browser.click(cardCss(binance) + " [data-action='disconnect']");
        browser.visible("#confirm-dialog");
        assertThat(browser.find("#confirm-title").getText()).contains("Binance", "Binance main");
        assertThat(browser.find("#confirm-message").getText()).contains("Binance", "Binance main", "holdings");
        assertThat(browser.activeId()).as("the safe choice has focus").isEqualTo("confirm-no");
        browser.find("#confirm-no").click();
        browser.gone("#confirm-dialog");
        assertThat(browser.findAll(cardCss(binance))).hasSize(1);

        browser.click(cardCss(binance) + " [data-action='disconnect']");
        browser.visible("#confirm-yes").click();

        browser.until(ExpectedConditions.numberOfElementsToBe(card(binance.toString()), 0));
        browser.until(d -> "2".equals(browser.attr("#portfolio-body tr[data-symbol='BTC'] td.num .amount", "title")));
        assertThat(browser.findAll("#portfolio-body [data-connection-id='" + binance + "']")).isEmpty();
        assertThat(browser.findAll(cardCss(kraken))).hasSize(1);
        toast("Disconnected Binance “Binance main”");
        assertThat(user.get("/api/v1/exchanges/connections/" + binance).status()).isEqualTo(404);
    }

    @Test
    void aLabelWithMarkupIsShownAsText() {
        String label = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
        UUID id = connectLabelled(account(ExchangeId.BINANCE), label);
        awaitRuns(id, 1);
        browser.openExchangesAs(user.token());

        assertThat(text(id, ".connection-label")).isEqualTo(label);
        assertThat(browser.findAll("[data-connection-id='" + id + "'] script, [data-connection-id='" + id + "'] img")).isEmpty();
        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void aLiveUpdateArrivesWithoutReload() {
        EmulatedAccount account = account(ExchangeId.KRAKEN).setBalance("XETH", dec("4"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        browser.openExchangesAs(user.token());
        browser.script("window.__sameDocument = true");
        assertThat(attr(id, "li[data-symbol='ETH'] .amount", "title")).isEqualTo("4");

        account.setBalance("XETH", dec("7.000000001"), dec("0"));
        ApiClient.Response queued = user.post("/api/v1/exchanges/connections/" + id + "/sync", null);
        assertThat(queued.status()).isEqualTo(202);

        browser.until(d -> "7.000000001".equals(attr(id, "li[data-symbol='ETH'] .amount", "title")));
        assertThat(browser.attr("#portfolio-body tr[data-symbol='ETH'] td.num .amount", "title")).isEqualTo("7.000000001");
        assertThat(browser.script("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
    }

    @Test
    void fitsAPhoneScreen() {
        UUID id = connectLabelled(account(ExchangeId.BINANCE).setBalance("BTC", dec("0.5"), dec("0")), "Phone check");
        awaitRuns(id, 1);
        browser.resize(375, 812);
        browser.openExchangesAs(user.token());

        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        assertThat(find(id, "[data-action='sync']").isDisplayed()).isTrue();
        assertThat(browser.find("#open-connect").isDisplayed()).isTrue();
        browser.find("#open-connect").click();
        browser.visible(".exchange-option[data-exchange='coinbase-advanced']").click();
        assertThat(browser.visible("#submit-connect").isDisplayed()).isTrue();
        assertThat(browser.find("#key-kind").isDisplayed()).isTrue();
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        browser.find("#cancel-connect").click();
    }

    /** Not a check of its own: saves the pictures for the docs when asked to ({@code -Dscreenshots=docs}). */
    @Test
    void screenshotsForTheDocs() throws Exception {
        UUID main = connectLabelled(account(ExchangeId.BINANCE).setBalance("BTC", dec("0.84213371"), dec("0.05"))
                .setBalance("ETH", dec("12.4"), dec("0")).setBalance("USDT", dec("2500.5"), dec("0")), "Main account");
        UUID cold = connectLabelled(account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1.5"), dec("0"))
                .setBalance("DOT", dec("340.123456789"), dec("0")), "Long-term");
        EmulatedAccount failing = account(ExchangeId.KUCOIN).setBalance("SOL", dec("25"), dec("0"));
        UUID broken = connectLabelled(failing, "Trading");
        awaitRuns(main, 1);
        awaitRuns(cold, 1);
        awaitRuns(broken, 1);
        EMULATOR.failAlways(ExchangeId.KUCOIN, failing.apiKey(), Failure.serverError(503));
        try {
            syncNow(user, broken);
        } finally {
            EMULATOR.clearFailures(ExchangeId.KUCOIN, failing.apiKey());
        }
        camel.createProducerTemplate().requestBody("direct:prices-refresh", (Object) null);
        browser.resize(1280, 1400);
        browser.openExchangesAs(user.token());
        browser.until(ExpectedConditions.attributeToBe(card(broken.toString()), "data-status", "error"));
        assertThat(browser.findAll("#connections article")).hasSize(3);
        String target = System.getProperty("screenshots");
        if (target != null) {
            browser.screenshot(Path.of(target, "screenshot-exchanges.png"));
        }
        browser.resize(1280, 900);
        choose(ExchangeId.COINBASE_ADVANCED);
        fill(account(ExchangeId.COINBASE_ADVANCED), "Coinbase savings");
        testAndWaitForSuccess();
        if (target != null) {
            browser.screenshot(Path.of(target, "screenshot-connect-modal.png"));
        }
        browser.find("#cancel-connect").click();
        browser.gone("#connect-dialog");
        browser.resize(375, 1400);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        if (target != null) {
            browser.screenshot(Path.of(target, "screenshot-phone.png"));
        }
    }

    // ---- the page's own modules, run in the browser ----

    @Test
    @SuppressWarnings("unchecked")
    void amountsTimesAndStreamFramesAreReadCorrectly() {
        browser.open("/?reason=none");
        List<Object> results = (List<Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/assets/js/format.js'), import('/assets/js/live.js')]).then(([f, live]) => {
                  const now = Date.parse('2026-01-10T12:00:00Z');
                  done([
                    f.roundedAmount('1.123456789012345678'), f.roundedAmount('1234.56789'), f.roundedAmount('0.123456789'),
                    f.roundedAmount('0.000000000000000001'), f.roundedAmount('0'),
                    f.relativeTime(null, now), f.relativeTime('2026-01-10T11:55:00Z', now),
                    f.relativeTime('2026-01-08T12:00:00Z', now), f.relativeTime('2026-01-10T12:00:30Z', now),
                    f.syncInterval(300), f.syncInterval(3600), f.syncInterval(5400), f.syncInterval(7200),
                    JSON.stringify(live.parseBlock('event:sync\\ndata:{"a":1}')),
                    JSON.stringify(live.parseBlock('data: one\\ndata: two')),
                    JSON.stringify(live.parseBlock(':heartbeat')),
                  ]);
                });
                """);
        assertThat(results).containsExactly(
                "1.1235", "1,234.57", "0.12345679", "< 0.00000001", "0",
                "Never", "5 minutes ago", "2 days ago", "just now",
                "every 5 min", "every hour", "every 1 h 30 min", "every 2 h",
                "{\"name\":\"sync\",\"data\":\"{\\\"a\\\":1}\"}",
                "{\"name\":\"message\",\"data\":\"one\\ntwo\"}",
                "null");
    }

    // ---- helpers ----

    /** Opens the modal and picks the exchange; Coinbase Exchange is the second kind of key on the Coinbase tile. */
    private void choose(ExchangeId exchange) {
        browser.find("#open-connect").click();
        String tile = exchange == ExchangeId.COINBASE ? ExchangeId.COINBASE_ADVANCED.id() : exchange.id();
        browser.visible(".exchange-option[data-exchange='" + tile + "']").click();
        browser.visible("#f-apiKey");
        if (exchange == ExchangeId.COINBASE) {
            browser.find("input[name='keyKind'][value='coinbase']").click();
            browser.visible("#f-passphrase");
        }
    }

    /** Waits for a toast with this text (toasts stack; the newest is not always the one). */
    private void toast(String text) {
        browser.until(d -> browser.findAll(".toast .toast-text").stream().anyMatch(t -> t.getText().contains(text)));
    }

    private void fill(EmulatedAccount account, String label) {
        browser.find("#f-label").sendKeys(label);
        browser.find("#f-apiKey").sendKeys(account.apiKey());
        browser.find("#f-apiSecret").sendKeys(account.apiSecret());
        if (account.passphrase() != null) {
            browser.find("#f-passphrase").sendKeys(account.passphrase());
        }
    }

    private void testAndWaitForSuccess() {
        browser.find("#test-connection").click();
        browser.until(d -> "success".equals(browser.find("#test-result").getAttribute("data-outcome")));
        browser.until(ExpectedConditions.elementToBeClickable(browser.find("#submit-connect")));
    }

    private UUID connectLabelled(EmulatedAccount account, String label) {
        ApiClient.Response response = user.post("/api/v1/exchanges/connect", credentials(account, label));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return UUID.fromString(response.text("connectionId"));
    }

    private static String cardCss(Object id) {
        return "article[data-connection-id='" + id + "']";
    }

    private static org.openqa.selenium.By card(String id) {
        return org.openqa.selenium.By.cssSelector(cardCss(id));
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

    private String lastSync(UUID id) {
        return attr(id, "[data-role='last-sync']", "data-time");
    }
}
