package io.coinsphere.exchangesync.sync.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/exchanges/queue/stats} against the real queue and database. */
class QueueStatsIT extends IntegrationTest {

    private static final String STATS = "/api/v1/exchanges/queue/stats";

    @Test
    void completedAndFailedSyncsOfTheLastHourAreCountedPerExchange() {
        ApiClient admin = admin();
        JsonNode before = ok(admin.get(STATS));
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.COINBASE).setBalance("ETH", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        EMULATOR.failAlways(ExchangeId.COINBASE, account.apiKey(), Failure.serverError(500));
        try {
            syncNow(user, id);
        } finally {
            EMULATOR.clearFailures(ExchangeId.COINBASE, account.apiKey());
        }

        JsonNode after = ok(admin.get(STATS));
        assertThat(delta(before, after, "/exchanges/coinbase/completedLastHour")).isEqualTo(1);
        assertThat(delta(before, after, "/exchanges/coinbase/failedLastHour")).isEqualTo(1);
        assertThat(delta(before, after, "/total/completedLastHour")).isGreaterThanOrEqualTo(1);
        assertThat(after.at("/exchanges").size()).as("every supported exchange is listed").isGreaterThanOrEqualTo(4);
        assertThat(after.at("/workers").asInt()).isEqualTo(8);
    }

    @Test
    void waitingAndInFlightSyncsAreShownWhileTheWorkersArePaused() throws Exception {
        ApiClient admin = admin();
        ApiClient user = newUser();
        UUID first = connect(user, account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")));
        UUID second = connect(user, account(ExchangeId.KRAKEN).setBalance("XXBT", dec("2"), dec("0")));
        awaitRuns(first, 1);
        awaitRuns(second, 1);

        camel.getRouteController().stopRoute("sync-worker");
        try {
            camel.createProducerTemplate().sendBodyAndHeader("direct:sync-enqueue", List.of(first, second),
                    "syncTrigger", "manual");
            jdbc.update("UPDATE exchange_connections SET sync_lease_until = now() + interval '1 minute' WHERE id = ?", first);
            JsonNode stats = ok(admin.get(STATS));
            assertThat(stats.at("/exchanges/kraken/waiting").asLong()).isEqualTo(2);
            assertThat(stats.at("/exchanges/kraken/inFlight").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(stats.at("/total/waiting").asLong()).isEqualTo(2);
            assertThat(stats.at("/oldestWaitingSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        } finally {
            jdbc.update("UPDATE exchange_connections SET sync_lease_until = NULL WHERE id = ?", first);
            camel.getRouteController().startRoute("sync-worker");
        }
        awaitRuns(second, 2);
    }

    @Test
    void syncRequestsStillInKafkaAreShownNextToTheLocalQueue() throws Exception {
        ApiClient admin = admin();
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        awaitRuns(id, 1);
        assertThat(ok(admin.get(STATS)).at("/kafka/requests").isNumber()).isTrue();

        // With the request consumer stopped, a manual sync stays in its topic: Kafka's backlog, not our queue.
        camel.getRouteController().stopRoute("sync-requests-consumer");
        try {
            ApiClient.Response queued = user.post("/api/v1/exchanges/connections/" + id + "/sync", null);
            assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
            JsonNode stats = ok(admin.get(STATS));
            assertThat(stats.at("/kafka/requests").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(stats.at("/kafka/waiting").asLong()).isGreaterThanOrEqualTo(stats.at("/kafka/requests").asLong());
            assertThat(stats.at("/exchanges/binance/waiting").asLong()).as("not in this instance's queue").isZero();
        } finally {
            camel.getRouteController().startRoute("sync-requests-consumer");
        }
        awaitRuns(id, 2);
        // Synced and committed (commits are batched): nothing of it is left in Kafka.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> ok(admin.get(STATS)).at("/kafka/requests").asLong() == 0);
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("success").asBoolean()).isTrue();
        return response.body();
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong() - before.at(pointer).asLong();
    }
}
