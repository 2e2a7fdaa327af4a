package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Sync Now" on a connection whose sync is running says so and queues nothing (it used to answer "Sync queued"). */
class ManualSyncRunningIT extends IntegrationTest {

    @Test
    void aSyncRequestedWhileOneRunsAnswersSyncAlreadyRunningAndQueuesNothing() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        String path = "/api/v1/exchanges/connections/" + id + "/sync";
        // The next exchange call hangs past the read timeout: the sync runs (and retries) for a few seconds.
        EMULATOR.failNext(ExchangeId.BINANCE, account.apiKey(), 1, Failure.timeout(Duration.ofSeconds(3)));

        ApiClient.Response queued = user.post(path, null);
        assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
        assertThat(queued.text("message")).isEqualTo("Sync queued");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> user.get("/api/v1/exchanges/connections/" + id).body().path("connection").path("syncing").asBoolean());

        ApiClient.Response again = user.post(path, null);
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(again.text("message")).isEqualTo("Sync already running");
        assertThat(again.body().path("alreadyRunning").asBoolean()).isTrue();

        awaitRuns(id, 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> runs(id) == 2);
        assertThat(connectionRow(id).get("status")).isEqualTo("active");
        assertThat(connectionRow(id).get("sync_lease_until")).isNull();
        assertThat(connectionRow(id).get("sync_requested_at")).as("served, not left for the fan-out").isNull();
    }
}
