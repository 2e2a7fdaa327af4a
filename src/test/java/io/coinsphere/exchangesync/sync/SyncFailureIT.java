package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import io.coinsphere.exchangesync.support.LeakWatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Retries, dead letters and disabled connections, against the emulator's scripted failures. */
class SyncFailureIT extends IntegrationTest {

    @Autowired
    private SyncThrottle throttle;

    /** Retries, dead letters and rejected keys all give their worker permit back: a leak would starve the queue. */
    @AfterEach
    void everyAttemptGaveItsPermitBack() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(throttle.running()).isZero());
        assertThat(throttle.limit()).isPositive();
    }

    /** The permit is really taken: without this the check after each test could pass with no permit ever handed out. */
    @Test
    void aSyncInFlightHoldsAWorkerPermitUntilItsAttemptEnds() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KUCOIN).setBalance("USDT", dec("3"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        EMULATOR.failNext(ExchangeId.KUCOIN, account.apiKey(), 1, Failure.timeout());
        assertThat(user.post("/api/v1/exchanges/connections/" + id + "/sync", null).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(throttle.running()).isPositive());
        awaitRuns(id, 2);
        assertThat(connectionRow(id)).containsEntry("status", "active");
    }

    @Test
    void transientFailureIsRetriedAndTheConnectionStaysActive() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        account.setBalance("BTC", dec("2"), dec("0"));

        EMULATOR.resetCounters();
        EMULATOR.failNext(ExchangeId.BINANCE, account.apiKey(), 2, Failure.serverError(503));
        syncNow(user, id);

        // Two failed spot reads, then spot, funding and the two Simple Earn position lists.
        assertThat(EMULATOR.requestCount(ExchangeId.BINANCE, account.apiKey())).isEqualTo(6);
        assertThat(connectionRow(id)).containsEntry("status", "active").containsEntry("consecutive_failures", 0);
        assertThat(holdings(id)).containsEntry("BTC", dec("2"));
        assertThat(jdbc.queryForObject("SELECT attempts FROM sync_runs WHERE connection_id = ? ORDER BY id DESC LIMIT 1",
                Integer.class, id)).isEqualTo(3);
    }

    @Test
    void persistentFailureIsRedeliveredThreeTimesThenDeadLettered() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1.5"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        account.setBalance("XXBT", dec("9"), dec("0"));

        EMULATOR.resetCounters();
        EMULATOR.failAlways(ExchangeId.KRAKEN, account.apiKey(), Failure.serverError(502));
        try {
            syncNow(user, id);
        } finally {
            EMULATOR.clearFailures(ExchangeId.KRAKEN, account.apiKey());
        }

        assertThat(EMULATOR.requestCount(ExchangeId.KRAKEN, account.apiKey())).as("1 try + 3 redeliveries").isEqualTo(4);
        Map<String, Object> row = connectionRow(id);
        assertThat(row.get("status")).isEqualTo("error");
        assertThat(row.get("consecutive_failures")).isEqualTo(1);
        assertThat((String) row.get("last_error")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(holdings(id)).as("a failed fetch never touches holdings").containsExactlyEntriesOf(Map.of("BTC", dec("1.5")));
        Map<String, Object> run = jdbc.queryForMap(
                "SELECT status, attempts, error FROM sync_runs WHERE connection_id = ? ORDER BY id DESC LIMIT 1", id);
        assertThat(run).containsEntry("status", "failed").containsEntry("attempts", 4);

        syncNow(user, id);
        assertThat(connectionRow(id)).containsEntry("status", "active").containsEntry("consecutive_failures", 0);
        assertThat(connectionRow(id).get("last_error")).isNull();
        assertThat(holdings(id)).containsEntry("BTC", dec("9"));
    }

    @Test
    void aFailedSyncIsDumpedToTheLogWithoutItsCredentials() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KUCOIN).setBalance("USDT", dec("5"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        // The sync decrypts the credentials into its body, then the exchange refuses them: Camel's error
        // handler writes its dump (message history, exchange, stack trace) while they are in flight.
        EMULATOR.removeAccount(ExchangeId.KUCOIN, account.apiKey());
        List<String> lines;
        try (LeakWatch.Capture capture = LeakWatch.capture()) {
            syncNow(user, id);
            // The error handler logs after the failure route has recorded the run.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> capture.lines().stream()
                    .anyMatch(line -> line.contains("Failed delivery for")
                            && line.contains("Message History")));
            lines = List.copyOf(capture.lines());
        }

        List<String> dumps = lines.stream().filter(line -> line.contains("Failed delivery for")
                && line.contains("Message History")).toList();
        assertThat(dumps).as("the failed sync was logged with Camel's dump").isNotEmpty();
        System.out.println("Failed-sync dump as logged:\n" + dumps.get(0));
        assertThat(dumps.get(0)).contains("RouteId: sync-connection").contains("BodyType:").doesNotContain("Body: ")
                .doesNotContain("Headers:");
        for (String line : lines) {
            assertThat(LeakWatch.findings("log", line)).as(line).isEmpty();
            assertThat(line).doesNotContain(account.apiSecret()).doesNotContain(account.passphrase())
                    .doesNotContain(account.apiKey());
        }
    }

    @Test
    void timeoutsAndMalformedAnswersAreTransientToo() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.COINBASE).setBalance("ETH", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        EMULATOR.resetCounters();
        EMULATOR.failNext(ExchangeId.COINBASE, account.apiKey(), 1, Failure.timeout(Duration.ofSeconds(3)));
        EMULATOR.failNext(ExchangeId.COINBASE, account.apiKey(), 1, Failure.malformedJson());
        EMULATOR.failNext(ExchangeId.COINBASE, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(1)));
        syncNow(user, id);
        assertThat(EMULATOR.requestCount(ExchangeId.COINBASE, account.apiKey())).isEqualTo(4);
        assertThat(connectionRow(id)).containsEntry("status", "active");
    }

    @Test
    void rejectedCredentialsAreNotRetriedAndDisableTheConnection() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KUCOIN).setBalance("USDT", dec("100"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        EMULATOR.removeAccount(ExchangeId.KUCOIN, account.apiKey());
        EMULATOR.resetCounters();
        syncNow(user, id);

        assertThat(EMULATOR.requestCount(ExchangeId.KUCOIN, account.apiKey())).as("no retry").isEqualTo(1);
        Map<String, Object> row = connectionRow(id);
        assertThat(row.get("status")).isEqualTo("disabled");
        assertThat((String) row.get("last_error")).contains("API key");
        assertThat(holdings(id)).containsEntry("USDT", dec("100"));

        // A disabled connection is skipped by the fan-out.
        jdbc.update("UPDATE exchange_connections SET next_sync_at = now() - interval '1 minute' WHERE id = ?", id);
        camel.createProducerTemplate().requestBody("direct:fanout-claim", (Object) null);
        assertThat(jdbc.queryForObject("SELECT next_sync_at < now() FROM exchange_connections WHERE id = ?", Boolean.class, id))
                .as("not claimed").isTrue();

        // The user repairs it with a new key: active again and synced.
        EmulatedAccount replacement = account(ExchangeId.KUCOIN).setBalance("USDT", dec("42"), dec("0"));
        ApiClient.Response repaired = user.put("/api/v1/exchanges/connections/" + id + "/credentials",
                credentials(replacement, null));
        assertThat(repaired.status()).as(repaired.raw()).isEqualTo(200);
        assertThat(repaired.body().get("status").asText()).isEqualTo("active");
        awaitRuns(id, 3);
        assertThat(holdings(id)).containsExactlyEntriesOf(Map.of("USDT", dec("42")));
    }

    @Test
    void tamperedCiphertextIsAConnectionErrorNotACrash() {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        awaitRuns(id, 1);
        String envelope = jdbc.queryForObject("SELECT api_secret_encrypted FROM exchange_connections WHERE id = ?", String.class, id);
        char last = envelope.charAt(envelope.length() - 2);
        String tampered = envelope.substring(0, envelope.length() - 2) + (last == 'A' ? 'B' : 'A') + envelope.charAt(envelope.length() - 1);
        jdbc.update("UPDATE exchange_connections SET api_secret_encrypted = ? WHERE id = ?", tampered, id);

        syncNow(user, id);
        assertThat(connectionRow(id)).containsEntry("status", "disabled");
        assertThat((String) connectionRow(id).get("last_error")).contains("could not be decrypted");
        assertThat(holdings(id)).containsEntry("BTC", dec("1"));
    }

    @Test
    void ciphertextSwappedBetweenRowsIsRejected() {
        ApiClient user = newUser();
        UUID a = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        UUID b = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("2"), dec("0")));
        awaitRuns(a, 1);
        awaitRuns(b, 1);
        jdbc.update("""
                UPDATE exchange_connections SET api_secret_encrypted =
                    (SELECT api_secret_encrypted FROM exchange_connections WHERE id = ?) WHERE id = ?""", a, b);

        syncNow(user, b);
        assertThat(connectionRow(b)).containsEntry("status", "disabled");
        syncNow(user, a);
        assertThat(connectionRow(a)).containsEntry("status", "active");
    }
}
