package io.coinsphere.exchangesync.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.EmulatedMarket;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import io.coinsphere.exchangesync.support.PinnedPrices;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prices from the emulated exchanges' public tickers, valued holdings on {@code GET /api/v1/holdings}, and the quote
 * currency setting on {@code /api/v1/me}. Prices are pinned on every exchange that quotes the pair, so whichever
 * exchange answered last, the value is known exactly.
 */
class PortfolioValueIT extends IntegrationTest {

    private static final EmulatedMarket MARKET = EMULATOR.market();

    @BeforeAll
    static void pinPrices() {
        PinnedPrices.pinAll(MARKET);
    }

    @AfterAll
    static void unpin() {
        PinnedPrices.unpinAll(MARKET);
    }

    private void refreshPrices() {
        PinnedPrices.refresh(camel);
    }

    private UUID connectedKraken(ApiClient user) {
        EmulatedAccount account = account(ExchangeId.KRAKEN);
        account.setBalance("XXBT", new BigDecimal("0.5"), BigDecimal.ZERO);
        account.setBalance("XETH", new BigDecimal("2"), BigDecimal.ZERO);
        account.setBalance("USDT", new BigDecimal("1000"), BigDecimal.ZERO);
        account.setBalance("GHOST", new BigDecimal("5000"), BigDecimal.ZERO);
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        return id;
    }

    private static JsonNode asset(JsonNode holdings, String symbol) {
        for (JsonNode asset : holdings.get("holdings")) {
            if (asset.get("symbol").asText().equals(symbol)) {
                return asset;
            }
        }
        throw new AssertionError("no " + symbol + " in " + holdings);
    }

    @Test
    void refreshStoresEveryExchangesTickersWithTimeAndSource() {
        refreshPrices();

        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM market_prices", String.class))
                .contains("binance", "kraken", "kucoin", "coinbase", "okx", "bybit", "bitstamp", "gemini");
        assertThat(jdbc.queryForObject("SELECT price FROM market_prices WHERE base = 'BTC' AND quote = 'USD' AND source = 'kraken'",
                BigDecimal.class)).isEqualByComparingTo("60000");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM market_prices WHERE base = 'DOT' AND source = 'kucoin'", Integer.class))
                .as("KuCoin lists no DOT").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM market_prices WHERE quote = 'USD' AND source = 'binance'", Integer.class))
                .as("Binance quotes nothing in USD").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM market_prices WHERE base = 'OKB' AND quote = 'USDT'", Integer.class))
                .as("OKB has a market at OKX only").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM market_prices WHERE base = 'MNT'", String.class))
                .as("MNT, Bybit's own token, has markets at Bybit only (its symbols split by instruments-info)").containsExactly("bybit");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM market_prices WHERE base = 'MNT' AND quote IN ('USDT', 'USDC')",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM market_prices WHERE base = 'LINK' AND quote = 'EUR'", String.class))
                .as("LINK/EUR, from Bitstamp's \"LINK/EUR\" pair, is listed at Bitstamp only").containsExactly("bitstamp");
        assertThat(jdbc.queryForObject("SELECT price FROM market_prices WHERE base = 'BTC' AND quote = 'USD' AND source = 'bitstamp'",
                BigDecimal.class)).isEqualByComparingTo("60000");
        assertThat(jdbc.queryForObject("SELECT extract(milliseconds FROM price_at)::numeric % 1000 FROM market_prices"
                + " WHERE base = 'BTC' AND quote = 'USD' AND source = 'bitstamp'", BigDecimal.class))
                .as("Bitstamp's own ticker time, in whole seconds").isEqualByComparingTo("0");
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM market_prices WHERE quote = 'GUSD'", String.class))
                .as("Gemini's BTCGUSD and ETHGUSD split by their symbol details, not read as BTCG/USD").containsExactly("gemini");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM market_prices WHERE base IN ('BTCG', 'ETHG')", Integer.class)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailingExchangeKeepsItsLastPricesAndHoldsUpNoOther() {
        refreshPrices();
        java.sql.Timestamp kucoinBefore = jdbc.queryForObject("SELECT max(price_at) FROM market_prices WHERE source = 'kucoin'",
                java.sql.Timestamp.class);
        EMULATOR.failPath(ExchangeId.KUCOIN, "/api/v1/market/allTickers", Failure.serverError(503));
        try {
            java.util.Map<String, Integer> stored = (java.util.Map<String, Integer>) camel.createProducerTemplate()
                    .requestBody("direct:prices-refresh", (Object) null);

            assertThat(stored.get("kucoin")).isEqualTo(-1);
            assertThat(stored.get("binance")).isPositive();
            assertThat(stored.get("kraken")).isPositive();
            assertThat(stored.get("coinbase")).isPositive();
            assertThat(jdbc.queryForObject("SELECT max(price_at) FROM market_prices WHERE source = 'kucoin'", java.sql.Timestamp.class))
                    .as("KuCoin's last prices stay, to turn stale").isEqualTo(kucoinBefore);
        } finally {
            EMULATOR.failPath(ExchangeId.KUCOIN, "/api/v1/market/allTickers", null);
        }
    }

    @Test
    void holdingsCarryPricesValuesAndTheTotalInTheQuoteCurrency() {
        ApiClient user = newUser();
        UUID connectionId = connectedKraken(user);
        refreshPrices();

        JsonNode body = user.get("/api/v1/holdings").body();

        assertThat(body.get("quoteCurrency").asText()).isEqualTo("USD");
        // 0.5 x 60000 + 2 x 3000 + 1000 x 0.999; GHOST has no market anywhere.
        assertThat(new BigDecimal(body.get("totalValue").asText())).isEqualByComparingTo("36999");
        assertThat(body.get("unpriced").asInt()).isEqualTo(1);
        JsonNode btc = asset(body, "BTC");
        assertThat(btc.get("price").asText()).isEqualTo("60000");
        assertThat(btc.get("value").asText()).isEqualTo("30000");
        assertThat(btc.get("priceSource").asText()).isIn("kraken", "coinbase", "bitstamp", "gemini");
        assertThat(btc.get("priceAt").isNull()).isFalse();
        assertThat(btc.get("stale").asBoolean()).isFalse();
        assertThat(btc.get("connections").get(0).get("value").asText()).isEqualTo("30000");
        JsonNode usdt = asset(body, "USDT");
        assertThat(usdt.get("value").asText()).as("a stablecoin through its own market").isEqualTo("999");
        JsonNode ghost = asset(body, "GHOST");
        assertThat(ghost.get("price").isNull()).isTrue();
        assertThat(ghost.get("value").isNull()).isTrue();
        JsonNode connection = body.get("connections").get(0);
        assertThat(connection.get("connectionId").asText()).isEqualTo(connectionId.toString());
        assertThat(new BigDecimal(connection.get("value").asText())).isEqualByComparingTo("36999");
        assertThat(connection.get("unpriced").asInt()).isEqualTo(1);
    }

    @Test
    void theQuoteCurrencyIsAUserSetting() {
        ApiClient user = newUser();
        connectedKraken(user);
        refreshPrices();
        assertThat(user.get("/api/v1/me").body().get("quoteCurrency").asText()).isEqualTo("USD");

        ApiClient.Response changed = user.patch("/api/v1/me", ApiClient.json("quoteCurrency", "eur"));

        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("quoteCurrency").asText()).isEqualTo("EUR");
        JsonNode body = user.get("/api/v1/holdings").body();
        assertThat(body.get("quoteCurrency").asText()).isEqualTo("EUR");
        // 0.5 x 50000 + 2 x 2500 + 1000 / 1.25 (EUR/USDT at Binance, inverted).
        assertThat(new BigDecimal(body.get("totalValue").asText())).isEqualByComparingTo("30800");
        assertThat(asset(body, "USDT").get("priceRoute").asText()).isEqualTo("EUR/USDT");
    }

    @Test
    void badSettingsAreRefusedWithJsonErrors() {
        ApiClient user = newUser();

        ApiClient.Response unknown = user.patch("/api/v1/me", ApiClient.json("quoteCurrency", "XYZ"));
        ApiClient.Response notText = user.patch("/api/v1/me", ApiClient.json("quoteCurrency", 12));
        ApiClient.Response injected = user.patch("/api/v1/me", ApiClient.json("quoteCurrency", "USD'; --"));

        for (ApiClient.Response response : new ApiClient.Response[] {unknown, notText, injected}) {
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.body().get("error").asText()).isEqualTo("validation_failed");
            assertThat(response.body().get("details").get(0).get("field").asText()).isEqualTo("quoteCurrency");
        }
        assertThat(user.get("/api/v1/me").body().get("quoteCurrency").asText()).isEqualTo("USD");
        assertThat(anonymous().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anOldPriceIsFlaggedStale() {
        ApiClient user = newUser();
        connectedKraken(user);
        refreshPrices();
        jdbc.update("UPDATE market_prices SET price_at = now() - interval '20 minutes' WHERE base = 'ETH' AND quote IN ('USD', 'USDT', 'USDC', 'BTC', 'EUR')");
        try {
            JsonNode body = user.get("/api/v1/holdings").body();

            assertThat(asset(body, "ETH").get("stale").asBoolean()).isTrue();
            assertThat(asset(body, "BTC").get("stale").asBoolean()).isFalse();
            assertThat(body.get("stalePrices").asInt()).isEqualTo(1);
        } finally {
            refreshPrices();
        }
    }
}
