package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.kafka.KafkaBootstrap;
import io.coinsphere.exchangesync.kafka.KafkaSettings;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import io.coinsphere.exchangesync.support.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sync requests and events over the real (embedded) Kafka broker. */
class KafkaFlowIT extends IntegrationTest {

    @Autowired
    KafkaBootstrap kafka;

    @Autowired
    io.coinsphere.exchangesync.vault.CredentialVault vault;

    @Test
    void restSyncTravelsOverKafkaAndPublishesAnEventAfterCommit() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("0.5"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        account.setBalance("BTC", dec("0.75"), dec("0"));
        syncNow(user, id);

        ConsumerRecord<String, String> request = KafkaProbe.await(kafka.servers(), KafkaSettings.REQUESTS,
                Duration.ofSeconds(10), r -> id.toString().equals(r.key()));
        assertThat(request.value()).isEqualTo("{\"connectionId\":\"" + id + "\",\"trigger\":\"manual\"}");

        ConsumerRecord<String, String> event = KafkaProbe.await(kafka.servers(), KafkaSettings.EVENTS, Duration.ofSeconds(10),
                r -> id.toString().equals(r.key()) && r.value().contains("\"0.75\""));
        assertThat(event.value()).contains("\"status\":\"success\"").contains("\"exchange\":\"binance\"")
                .contains("{\"symbol\":\"BTC\",\"total\":\"0.75\"}").contains("\"userId\"");
        assertThat(holdings(id)).containsEntry("BTC", dec("0.75"));
    }

    @Test
    void readinessAndMetricsSeeKafka() {
        ApiClient admin = admin();
        ApiClient.Response readiness = admin.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.raw()).isEqualTo(200);
        assertThat(readiness.body().at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(readiness.body().at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
        ApiClient.Response lag = admin.get("/actuator/metrics/coinsphere.kafka.consumer.lag?tag=topic:" + KafkaSettings.SCHEDULED);
        assertThat(lag.status()).as(lag.raw()).isEqualTo(200);
        assertThat(lag.body().at("/measurements/0/value").asDouble()).as("records behind, known").isGreaterThanOrEqualTo(0);
    }

    @Test
    void anExternalProducersRecordTriggersASync() throws Exception {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")));
        awaitRuns(id, 1);

        KafkaProbe.publish(kafka.servers(), KafkaSettings.REQUESTS, id.toString(),
                "{\"connectionId\":\"" + id + "\",\"trigger\":\"manual\"}");
        awaitRuns(id, 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sync_runs WHERE connection_id = ? AND trigger = 'manual'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aUserWideRecordSyncsEveryConnectionOfThatUser() throws Exception {
        ApiClient user = newUser();
        UUID a = connect(user, account(ExchangeId.COINBASE).setBalance("ETH", dec("1"), dec("0")));
        UUID b = connect(user, account(ExchangeId.KUCOIN).setBalance("ETH", dec("2"), dec("0")));
        awaitRuns(a, 1);
        awaitRuns(b, 1);
        String userId = jdbc.queryForObject("SELECT user_id::text FROM exchange_connections WHERE id = ?", String.class, a);

        KafkaProbe.publish(kafka.servers(), KafkaSettings.REQUESTS, userId, "{\"userId\":\"" + userId + "\",\"trigger\":\"manual\"}");
        awaitRuns(a, 2);
        awaitRuns(b, 2);
    }

    @Test
    void malformedAndUnknownRecordsGoToTheDlqAndTheNextRecordStillRuns() throws Exception {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.BINANCE).setBalance("ETH", dec("3"), dec("0")));
        awaitRuns(id, 1);
        String marker = UUID.randomUUID().toString();
        UUID unknown = UUID.randomUUID();

        // Same key as the good record, so all three share a partition and must not block it.
        KafkaProbe.publish(kafka.servers(), KafkaSettings.REQUESTS, id.toString(), "{not json " + marker);
        KafkaProbe.publish(kafka.servers(), KafkaSettings.REQUESTS, id.toString(), "{\"connectionId\":\"" + unknown + "\"}");
        KafkaProbe.publish(kafka.servers(), KafkaSettings.REQUESTS, id.toString(),
                "{\"connectionId\":\"" + id + "\",\"trigger\":\"manual\"}");
        awaitRuns(id, 2);

        ConsumerRecord<String, String> bad = KafkaProbe.await(kafka.servers(), KafkaSettings.DLQ, Duration.ofSeconds(10),
                r -> r.value().contains(marker));
        assertThat(KafkaProbe.header(bad, "reason")).isEqualTo("not JSON");
        ConsumerRecord<String, String> missing = KafkaProbe.await(kafka.servers(), KafkaSettings.DLQ, Duration.ofSeconds(10),
                r -> r.value().contains(unknown.toString()));
        assertThat(KafkaProbe.header(missing, "reason")).isEqualTo("unknown connection " + unknown);
    }

    @Test
    void aFailedSyncIsPublishedAsAnEventAndOnTheDlq() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KUCOIN).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        EMULATOR.removeAccount(ExchangeId.KUCOIN, account.apiKey());
        syncNow(user, id);

        ConsumerRecord<String, String> event = KafkaProbe.await(kafka.servers(), KafkaSettings.EVENTS, Duration.ofSeconds(10),
                r -> id.toString().equals(r.key()) && r.value().contains("\"disabled\""));
        assertThat(event.value()).contains("\"error\":\"KuCoin");
        KafkaProbe.await(kafka.servers(), KafkaSettings.DLQ, Duration.ofSeconds(10),
                r -> id.toString().equals(r.key()) && "sync failed".equals(KafkaProbe.header(r, "reason")));
    }

    @Test
    void aManualSyncGoesAheadOfABacklogOfScheduledOnes() {
        ApiClient user = newUser();
        EmulatedAccount bulk = account(ExchangeId.BINANCE).setBalance("BTC", dec("0.1"), dec("0"));
        UUID manual = connect(user, account(ExchangeId.COINBASE).setBalance("ETH", dec("1"), dec("0")));
        awaitRuns(manual, 1);
        String userId = jdbc.queryForObject("SELECT user_id::text FROM exchange_connections WHERE id = ?", String.class, manual);
        int backlog = 2000;
        for (int i = 0; i < backlog; i++) {
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    INSERT INTO exchange_connections (id, user_id, portfolio_id, exchange, api_key_encrypted, api_secret_encrypted,
                        api_key_fingerprint, api_key_hint, next_sync_at)
                    SELECT ?, CAST(? AS uuid), p.id, 'binance', ?, ?, ?, 'abcd', now() - interval '1 second'
                    FROM portfolios p WHERE p.user_id = CAST(? AS uuid) AND p.is_default""",
                    id, userId, vault.encrypt(id, "api_key_encrypted", bulk.apiKey()),
                    vault.encrypt(id, "api_secret_encrypted", bulk.apiSecret()), "fp-" + id, userId);
        }
        EMULATOR.setLatency(ExchangeId.BINANCE, Duration.ofMillis(50));
        try {
            camel.createProducerTemplate().asyncRequestBody("direct:fanout-claim", null);
            await().atMost(Duration.ofSeconds(60)).until(() -> bulkRuns(userId) >= 50);

            long started = System.nanoTime();
            syncNow(user, manual);
            long millis = (System.nanoTime() - started) / 1_000_000;
            int drained = bulkRuns(userId);
            System.out.printf("Manual sync finished in %d ms with %d of %d scheduled syncs done%n", millis, drained, backlog);
            assertThat(drained).as("the manual sync did not wait for the backlog").isLessThan(backlog - 500);
            await().atMost(Duration.ofSeconds(300)).until(() -> bulkRuns(userId) >= backlog);
        } finally {
            EMULATOR.setLatency(ExchangeId.BINANCE, Duration.ZERO);
        }
    }

    private int bulkRuns(String userId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id
                WHERE c.user_id = CAST(? AS uuid) AND c.exchange = 'binance'""", Integer.class, userId);
    }
}
