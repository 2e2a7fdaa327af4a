package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import io.coinsphere.exchangesync.sync.FetchedBalances;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** The holdings upsert's two statements against the real database: a vanished connection, a brand-new token. */
class HoldingsUpsertIT extends IntegrationTest {

    private UUID portfolioOf(UUID connection) {
        return jdbc.queryForObject("SELECT portfolio_id FROM exchange_connections WHERE id = ?", UUID.class, connection);
    }

    private void upsert(ProducerTemplate producer, UUID connection, UUID portfolio, String symbol) {
        producer.sendBodyAndHeaders("direct:holdings-upsert",
                new FetchedBalances(connection, portfolio, List.of(new Balance(symbol, new BigDecimal("2"), new BigDecimal("2"), BigDecimal.ZERO))),
                Map.of(SyncHeaders.CONNECTION_ID, connection, SyncHeaders.TRIGGER, "manual"));
    }

    private static String newSymbol() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @Test
    void aConnectionDisconnectedDuringItsSyncGetsNothingWritten() {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.KUCOIN).setBalance("USDT", dec("1"), dec("0")));
        awaitRuns(id, 1);
        UUID portfolio = portfolioOf(id);
        assertThat(user.delete("/api/v1/exchanges/connections/" + id).status()).isEqualTo(200);

        String symbol = newSymbol();
        // No exception: the success statement finds no row, and the route stops before any write.
        upsert(camel.createProducerTemplate(), id, portfolio, symbol);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM holdings WHERE connection_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sync_runs WHERE connection_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokens WHERE symbol = ?", Integer.class, symbol)).isZero();
    }

    @Test
    void concurrentSyncsSeeingTheSameNewTokenEachKeepTheirHolding() throws Exception {
        ApiClient user = newUser();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID id = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
            awaitRuns(id, 1);
            ids.add(id);
        }
        ProducerTemplate producer = camel.createProducerTemplate();
        for (int round = 0; round < 5; round++) {
            String symbol = newSymbol();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (UUID id : ids) {
                UUID portfolio = portfolioOf(id);
                running.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    upsert(producer, id, portfolio, symbol);
                }));
            }
            start.countDown();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
            for (UUID id : ids) {
                assertThat(holdings(id)).as("round %d, connection %s", round, id).containsEntry(symbol, dec("2"));
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tokens WHERE symbol = ?", Integer.class, symbol)).isEqualTo(1);
        }
    }

    /** Row versions and row locks of a connection's holdings: any write or lock changes xmin or xmax. */
    private List<String> rowVersions(UUID connection) {
        return jdbc.queryForList("SELECT token_id || ':' || xmin || ':' || xmax FROM holdings WHERE connection_id = ? "
                + "ORDER BY token_id", String.class, connection);
    }

    private static String xmin(String version) {
        return version.substring(0, version.lastIndexOf(':'));
    }

    @Test
    void aSyncThatReadsTheSameBalancesWritesNoHoldingButStillRecordsItsRun() {
        ApiClient user = newUser();
        var account = account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")).setBalance("XETH", dec("3"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        List<String> before = rowVersions(id);
        assertThat(before).hasSize(2);

        syncNow(user, id);
        assertThat(runs(id)).isEqualTo(2);
        assertThat(rowVersions(id)).as("not rewritten, not even locked").isEqualTo(before);
        assertThat(connectionRow(id)).containsEntry("status", "active");

        account.setBalance("XETH", dec("4"), dec("0"));
        syncNow(user, id);
        List<String> changed = rowVersions(id);
        // The upsert of a changed portfolio locks each existing row (ON CONFLICT), so xmax moves; xmin is the version.
        assertThat(xmin(changed.get(0))).as("BTC not rewritten").isEqualTo(xmin(before.get(0)));
        assertThat(xmin(changed.get(1))).as("ETH rewritten").isNotEqualTo(xmin(before.get(1)));
        assertThat(holdings(id)).containsEntry("ETH", dec("4")).containsEntry("BTC", dec("1"));

        // Without a stored digest (as after the upgrade that added it) the next sync writes in full and stores one.
        jdbc.update("UPDATE exchange_connections SET holdings_digest = NULL WHERE id = ?", id);
        jdbc.update("DELETE FROM holdings WHERE connection_id = ?", id);
        syncNow(user, id);
        assertThat(holdings(id)).containsEntry("ETH", dec("4")).containsEntry("BTC", dec("1"));
        assertThat(jdbc.queryForObject("SELECT holdings_digest FROM exchange_connections WHERE id = ?", String.class, id))
                .hasSize(64);
    }
}
