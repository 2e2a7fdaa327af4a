package io.coinsphere.exchangesync.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.PinnedPrices;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The portfolio's value on the exchanges page in Chromium: the total with its 24 h change, prices and values per
 * asset, "no price", the chart with hover values and its table, the currency picker, and a price refresh that
 * moves the total and the chart without a reload.
 */
class PortfolioValuePageIT extends BrowserTest {

    @BeforeAll
    void pinPrices() {
        PinnedPrices.pinAll(EMULATOR.market());
    }

    @AfterAll
    void unpin() {
        PinnedPrices.unpinAll(EMULATOR.market());
    }

    private static void pin(ExchangeId exchange, String symbol, String price) {
        PinnedPrices.pin(EMULATOR.market(), exchange, symbol, price);
    }

    private void refreshPrices() {
        PinnedPrices.refresh(camel);
    }

    private String exactTotal() {
        return browser.attr("#total-value .money", "data-exact");
    }

    @Test
    void totalChartAndCurrencyInTheBrowser() throws Exception {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KRAKEN).setBalance("XXBT", dec("0.5"), dec("0"))
                .setBalance("XETH", dec("2"), dec("0")).setBalance("USDT", dec("1000"), dec("0")).setBalance("GHOST", dec("5000"), dec("0"));
        ApiClient.Response connected = user.post("/api/v1/exchanges/connect", credentials(account, "Kraken main"));
        UUID connection = UUID.fromString(connected.text("connectionId"));
        awaitRuns(connection, 1);
        refreshPrices();
        // Three days of history: 1 BTC until yesterday at 55000, the current holdings since.
        UUID userId = UUID.fromString(user.get("/api/v1/me").text("userId"));
        Instant now = Instant.now();
        jdbc.update("INSERT INTO holding_snapshots (connection_id, user_id, taken_at, symbols, amounts) VALUES (?, ?, ?, '{BTC}', '{1}')",
                connection, userId, Timestamp.from(now.minus(Duration.ofDays(3))));
        jdbc.update("UPDATE holding_snapshots SET taken_at = ? WHERE connection_id = ? AND cardinality(symbols) = 4",
                Timestamp.from(now.minus(Duration.ofHours(20))), connection);
        jdbc.update("INSERT INTO price_history (base, quote, source, price, price_at) VALUES ('BTC', 'USD', 'kraken', 55000, ?)",
                Timestamp.from(now.minus(Duration.ofDays(4))));

        browser.resize(1280, 1500);
        browser.openExchangesAs(user.token());

        browser.until(d -> "36999".equals(exactTotal()));
        assertThat(browser.text("#total-value")).isEqualTo("$36,999.00");
        assertThat(browser.text("#total-notes")).contains("1 asset without a price is left out");
        WebElement btc = browser.find("#portfolio-body tr[data-symbol='BTC']");
        assertThat(btc.getText()).contains("$60,000.00", "$30,000.00");
        assertThat(browser.find("#portfolio-body tr[data-symbol='GHOST']").getText()).contains("no price");
        assertThat(browser.text("#connection-values")).contains("Kraken · Kraken main", "$36,999.00", "+1 without price");

        // The chart: the 24 h range, one point per 5 minutes, drawn as SVG, with hover values and a table.
        WebElement chart = browser.visible("#chart svg");
        assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isBetween(280, 290);
        new Actions(browser.driver()).moveToElement(chart, -200, 0).perform();
        browser.until(d -> chart.getAttribute("data-hover-value") != null);
        assertThat(new BigDecimal(chart.getAttribute("data-hover-value"))).isGreaterThan(BigDecimal.ZERO);
        assertThat(browser.findAll("#history-body tr")).hasSize(Integer.parseInt(chart.getAttribute("data-points")));
        assertThat(browser.text("#total-change")).contains("in 24 h");
        // 24 h ago: 1 BTC at 55000; now 36999.
        assertThat(browser.attr("#total-change", "data-dir")).isEqualTo("down");

        browser.find("#range-buttons [data-range='7d']").click();
        browser.until(ExpectedConditions.attributeToBe(browser.find("#chart"), "data-range", "7d"));
        assertThat(browser.attr("#export-history", "href")).endsWith("/api/v1/portfolio/history.csv?range=7d");

        String target = System.getProperty("screenshots");
        if (target != null) {
            browser.screenshot(Path.of(target, "screenshot-portfolio-value.png"));
        }

        // A price refresh moves the total and the chart without a reload.
        Object marker = browser.script("window.notReloaded = true; return true;");
        pin(ExchangeId.KRAKEN, "XXBTZUSD", "70000");
        pin(ExchangeId.COINBASE, "BTC-USD", "70000");
        refreshPrices();
        browser.until(d -> "41999".equals(exactTotal()));
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(marker);

        // Another quote currency: stored for the user, everything valued again.
        new Select(browser.find("#quote-currency")).selectByValue("EUR");
        browser.until(d -> "30800".equals(exactTotal()) || "35800".equals(exactTotal()));
        assertThat(browser.text("#total-value")).startsWith("€");
        assertThat(user.get("/api/v1/me").text("quoteCurrency")).isEqualTo("EUR");
    }
}
