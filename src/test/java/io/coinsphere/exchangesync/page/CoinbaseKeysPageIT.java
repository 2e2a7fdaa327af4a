package io.coinsphere.exchangesync.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Coinbase on the exchanges page, in a real Chromium: one tile, a question about which key the user has, a CDP
 * key's private key pasted into a text area with its line breaks, and a CDP connection repaired with a new key.
 */
class CoinbaseKeysPageIT extends BrowserTest {

    private static final ExchangeId CDP = ExchangeId.COINBASE_ADVANCED;
    private ApiClient user;

    @BeforeEach
    void newUserOnTheDesktop() {
        browser.resize(1280, 900);
        user = newUser();
    }

    @Test
    void coinbaseAsksWhichKeyTheUserHasAndRecommendsACdpKey() {
        browser.openExchangesAs(user.token());
        browser.find("#open-connect").click();
        List<String> tiles = browser.findAll(".exchange-option").stream().map(t -> t.getAttribute("data-exchange")).toList();
        // One tile per exchange of the registry, in its order; both Coinbase key kinds share the CDP key's tile.
        assertThat(tiles).containsExactlyElementsOf(Arrays.stream(ExchangeId.values()).filter(id -> id != CDP)
                .map(id -> id == ExchangeId.COINBASE ? CDP.id() : id.id()).toList());

        browser.visible(".exchange-option[data-exchange='coinbase-advanced']").click();
        assertThat(browser.visible("#key-kind").getText()).contains("Which API key do you have?");
        List<WebElement> kinds = browser.findAll(".key-kind-option");
        assertThat(kinds).hasSize(2);
        assertThat(kinds.get(0).getText()).contains("Coinbase app / Advanced Trade (CDP key)", "Recommended");
        assertThat(kinds.get(1).getText()).contains("Coinbase Exchange");
        assertThat(browser.find("input[name='keyKind'][value='coinbase-advanced']").isSelected()).isTrue();
        assertThat(browser.find("#key-hint").getText()).contains("Coinbase Developer Platform", "\"View\"");
        assertThat(browser.find("label[for='f-apiKey']").getText()).isEqualTo("API key name");
        assertThat(browser.find("label[for='f-apiSecret']").getText()).isEqualTo("Private key");
        assertThat(browser.find("#f-apiSecret").getTagName()).isEqualTo("textarea");
        assertThat(browser.find("#field-passphrase").isDisplayed()).isFalse();

        browser.find("input[name='keyKind'][value='coinbase']").click();
        assertThat(browser.visible("#field-passphrase").isDisplayed()).isTrue();
        assertThat(browser.find("#f-apiSecret").getTagName()).isEqualTo("input");
        assertThat(browser.find("#f-apiSecret").getAttribute("type")).isEqualTo("password");
        assertThat(browser.find("label[for='f-apiSecret']").getText()).isEqualTo("API secret");
        assertThat(browser.find("#key-hint").getText()).contains("Coinbase Exchange", "passphrase");

        browser.find("input[name='keyKind'][value='coinbase-advanced']").click();
        assertThat(browser.find("#f-apiSecret").getTagName()).isEqualTo("textarea");
        browser.find("#test-connection").click();
        assertThat(browser.visible("#f-apiSecret-error").getText()).isEqualTo("Private key is required");
        browser.find("#cancel-connect").click();
        browser.gone("#connect-dialog");
    }

    @Test
    void aCdpKeyPastedWithItsLineBreaksIsTestedConnectedAndSynced() {
        EmulatedAccount account = account(CDP).setBalance("BTC", dec("0.123456789012345678"), dec("0.5"));
        browser.openExchangesAs(user.token());
        chooseCdp();
        browser.find("#f-label").sendKeys("Coinbase app");
        browser.find("#f-apiKey").sendKeys(account.apiKey());
        browser.find("#f-apiSecret").sendKeys(account.apiSecret());
        assertThat(browser.find("#f-apiSecret").getAttribute("value")).contains("\n");

        browser.find("#test-connection").click();
        browser.until(d -> "success".equals(browser.find("#test-result").getAttribute("data-outcome")));
        browser.until(ExpectedConditions.elementToBeClickable(browser.find("#submit-connect")));
        browser.find("#submit-connect").click();

        browser.gone("#connect-dialog");
        String id = browser.attr("#connections article", "data-connection-id");
        browser.until(ExpectedConditions.attributeToBe(card(id), "data-status", "active"));
        assertThat(browser.text(cardCss(id) + " .connection-exchange")).isEqualTo("Coinbase");
        browser.visible(cardCss(id) + " li[data-symbol='BTC'] .amount");
        assertThat(browser.attr(cardCss(id) + " li[data-symbol='BTC'] .amount", "title")).isEqualTo("0.623456789012345678");
        assertThat(browser.find("body").getText()).doesNotContain(account.apiSecret().strip().split("\n")[1]);
    }

    @Test
    void aKeyInTheWrongShapeIsShownNextToItsField() {
        EmulatedAccount account = account(CDP);
        browser.openExchangesAs(user.token());
        chooseCdp();
        browser.find("#f-apiKey").sendKeys("a1b2c3d4-0000-4000-8000-000000000000");
        browser.find("#f-apiSecret").sendKeys(account.apiSecret());
        browser.find("#test-connection").click();
        assertThat(browser.visible("#f-apiKey-error").getText()).startsWith("API key name must be")
                .contains("organizations/{org_id}/apiKeys/{key_id}");

        replace("#f-apiKey", account.apiKey());
        replace("#f-apiSecret", "this is not a key");
        browser.find("#test-connection").click();
        assertThat(browser.visible("#f-apiSecret-error").getText()).startsWith("Private key must be").contains("PEM");
        assertThat(browser.find("#submit-connect").isEnabled()).isFalse();
        browser.find("#cancel-connect").click();
        browser.gone("#connect-dialog");
    }

    @Test
    void aDisabledCdpConnectionIsRepairedWithANewKey() {
        EmulatedAccount old = account(CDP).setBalance("ETH", dec("1"), dec("0"));
        ApiClient.Response connected = user.post("/api/v1/exchanges/connect", credentials(old, "Coinbase app"));
        assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
        UUID id = UUID.fromString(connected.text("connectionId"));
        awaitRuns(id, 1);
        EMULATOR.removeAccount(CDP, old.apiKey());
        syncNow(user, id);
        assertThat(connectionRow(id)).containsEntry("status", "disabled");

        browser.openExchangesAs(user.token());
        browser.click(cardCss(id) + " [data-action='replace-key']");
        browser.visible("#key-dialog");
        assertThat(browser.find("label[for='k-apiKey']").getText()).isEqualTo("New API key name");
        assertThat(browser.find("label[for='k-apiSecret']").getText()).isEqualTo("New private key");
        assertThat(browser.find("#k-apiSecret").getTagName()).isEqualTo("textarea");
        assertThat(browser.find("#key-explain").getText()).contains("Coinbase Developer Platform");
        assertThat(browser.find("#k-passphrase").isDisplayed()).isFalse();

        EmulatedAccount replacement = account(CDP).setBalance("ETH", dec("2.5"), dec("0"));
        browser.find("#k-apiKey").sendKeys(replacement.apiKey());
        browser.find("#k-apiSecret").sendKeys(replacement.apiSecret());
        browser.find("#submit-key").click();

        browser.gone("#key-dialog");
        browser.until(ExpectedConditions.attributeToBe(card(id.toString()), "data-status", "active"));
        browser.until(d -> "2.5".equals(browser.attr(cardCss(id) + " li[data-symbol='ETH'] .amount", "title")));
        assertThat(holdings(id)).containsEntry("ETH", dec("2.5"));
    }

    private void chooseCdp() {
        browser.find("#open-connect").click();
        browser.visible(".exchange-option[data-exchange='coinbase-advanced']").click();
        browser.visible("#f-apiKey");
    }

    private void replace(String css, String value) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(value);
    }

    private static String cardCss(Object id) {
        return "article[data-connection-id='" + id + "']";
    }

    private static By card(String id) {
        return By.cssSelector(cardCss(id));
    }
}
