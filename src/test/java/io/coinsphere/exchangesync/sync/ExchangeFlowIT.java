package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole flow per exchange: test, connect, first sync, changes, sold to zero, disconnect. */
class ExchangeFlowIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    SyncQueue queue;

    /** The exchange's own code for bitcoin: Kraken still says XXBT. */
    private static String btc(ExchangeId exchange) {
        return exchange == ExchangeId.KRAKEN ? "XXBT" : "BTC";
    }

    private static String eth(ExchangeId exchange) {
        return exchange == ExchangeId.KRAKEN ? "XETH" : "ETH";
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void connectSyncUpdateAndPrune(ExchangeId exchange) {
        ApiClient user = newUser();
        EmulatedAccount account = account(exchange)
                .setBalance(btc(exchange), dec("1.123456789012345678"), dec("0.000000000000000001"))
                .setBalance(eth(exchange), dec("20.5"), dec("0"))
                .setBalance("USDT", dec("0"), dec("0"));

        int connectionsBefore = jdbc.queryForObject("SELECT count(*) FROM exchange_connections", Integer.class);
        ApiClient.Response test = user.post("/api/v1/exchanges/test", credentials(account, null));
        assertThat(test.status()).as(test.raw()).isEqualTo(200);
        assertThat(test.body().get("success").asBoolean()).isTrue();
        assertThat(test.text("message")).isEqualTo("Connection successful");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_connections", Integer.class))
                .as("test stores nothing").isEqualTo(connectionsBefore);

        UUID id = connect(user, account);
        awaitRuns(id, 1);
        assertThat(holdings(id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BTC", dec("1.123456789012345679"),
                "ETH", dec("20.5")));
        Map<String, Object> row = connectionRow(id);
        assertThat(row.get("status")).isEqualTo("active");
        assertThat(row.get("last_sync_at")).isNotNull();
        assertThat(row.get("api_key_hint")).isEqualTo(account.apiKey().substring(account.apiKey().length() - 4));

        account.setBalance(btc(exchange), dec("0.5"), dec("0.25")).removeBalance(eth(exchange))
                .setBalance("SOL", dec("3.000000000000000003"), dec("0"));
        syncNow(user, id);
        assertThat(holdings(id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BTC", dec("0.75"),
                "SOL", dec("3.000000000000000003")));

        JsonNode detail = user.get("/api/v1/exchanges/connections/" + id).body();
        assertThat(detail.get("connection").get("exchange").asText()).isEqualTo(exchange.id());
        assertThat(detail.get("holdings")).hasSize(2);
        assertThat(detail.get("syncRuns")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(detail.get("syncRuns").get(0).get("status").asText()).isEqualTo("success");

        ApiClient.Response gone = user.delete("/api/v1/exchanges/connections/" + id);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.text("message")).isEqualTo("Exchange disconnected");
        assertThat(holdings(id)).isEmpty();
        assertThat(user.get("/api/v1/exchanges/connections").body().get("connections")).isEmpty();
    }

    @Test
    void sameAssetOnTwoConnectionsKeepsTwoRowsAndSums() {
        ApiClient user = newUser();
        EmulatedAccount binance = account(ExchangeId.BINANCE).setBalance("BTC", dec("1.1"), dec("0.4"));
        EmulatedAccount kraken = account(ExchangeId.KRAKEN).setBalance("XXBT", dec("0.25"), dec("0"))
                .setBalance("DOT.S", dec("10"), dec("0"));
        UUID b = connect(user, binance);
        UUID k = connect(user, kraken);
        awaitRuns(b, 1);
        awaitRuns(k, 1);

        assertThat(holdings(b)).containsEntry("BTC", dec("1.5"));
        assertThat(holdings(k)).containsEntry("BTC", dec("0.25"));
        JsonNode all = user.get("/api/v1/holdings").body().get("holdings");
        JsonNode btc = null;
        for (JsonNode h : all) {
            if (h.get("symbol").asText().equals("BTC")) {
                btc = h;
            }
        }
        assertThat(btc).isNotNull();
        assertThat(btc.get("total").asText()).isEqualTo("1.75");
        assertThat(btc.get("connections")).hasSize(2);
        assertThat(btc.get("connections").get(0).get("available").asText()).isEqualTo("1.1");
        assertThat(btc.get("connections").get(0).get("locked").asText()).isEqualTo("0.4");
    }

    @Test
    void syncAllQueuesEveryConnectionOfTheUserOnly() {
        ApiClient user = newUser();
        ApiClient other = newUser();
        UUID a = connect(user, account(ExchangeId.COINBASE).setBalance("ETH", dec("2"), dec("0")));
        UUID b = connect(user, account(ExchangeId.KUCOIN).setBalance("ETH", dec("3"), dec("1")));
        UUID c = connect(other, account(ExchangeId.BINANCE).setBalance("ETH", dec("4"), dec("0")));
        awaitRuns(a, 1);
        awaitRuns(b, 1);
        awaitRuns(c, 1);

        ApiClient.Response response = user.post("/api/v1/exchanges/sync-all", null);
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body().get("queued").asInt()).isEqualTo(2);
        assertThat(response.text("message")).isEqualTo("Sync queued for 2 connections");
        awaitRuns(a, 2);
        awaitRuns(b, 2);
        assertThat(runs(c)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sync_runs WHERE connection_id = ? AND trigger = 'manual'",
                Integer.class, a)).isEqualTo(1);
    }

    @Test
    void oneConnectionIsNeverSyncedTwiceAtOnce() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KUCOIN).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        EMULATOR.resetCounters();
        EMULATOR.setLatency(ExchangeId.KUCOIN, java.time.Duration.ofMillis(1500));
        try {
            assertThat(user.post("/api/v1/exchanges/connections/" + id + "/sync", null).status()).isEqualTo(202);
            assertThat(user.post("/api/v1/exchanges/connections/" + id + "/sync", null).status()).isEqualTo(202);
            awaitRuns(id, 2);
        } finally {
            EMULATOR.setLatency(ExchangeId.KUCOIN, java.time.Duration.ZERO);
        }
        await().atMost(java.time.Duration.ofSeconds(5)).until(() -> queue.isEmpty());
        assertThat(EMULATOR.requestCount(ExchangeId.KUCOIN, account.apiKey())).as("the second request found the lease taken")
                .isEqualTo(1);
        assertThat(runs(id)).isEqualTo(2);
    }
}
