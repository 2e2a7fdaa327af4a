package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.kafka.KafkaBootstrap;
import io.coinsphere.exchangesync.kafka.KafkaSettings;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import io.coinsphere.exchangesync.support.KafkaProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sync request from an external producer is committed to Kafka only once its sync finished: an
 * instance killed while the sync runs must leave the record to the group (nothing else remembers it).
 */
class KafkaOffsetCommitIT extends IntegrationTest {

    @Autowired
    KafkaBootstrap kafka;

    @Test
    void anExternalRequestIsCommittedOnlyAfterItsSyncFinished() throws Exception {
        ApiClient user = newUser();
        List<EmulatedAccount> accounts = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EmulatedAccount account = account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0"));
            accounts.add(account);
            ids.add(connect(user, account));
        }
        ids.forEach(id -> awaitRuns(id, 1));

        // Every call of these accounts times out (and is retried) until the failures are cleared: the syncs are held.
        accounts.forEach(a -> EMULATOR.failAlways(ExchangeId.KRAKEN, a.apiKey(), Failure.timeout()));
        Map<UUID, RecordMetadata> records = new LinkedHashMap<>();
        try {
            Map<EmulatedAccount, Long> calls = new LinkedHashMap<>();
            accounts.forEach(a -> calls.put(a, EMULATOR.requestCount(ExchangeId.KRAKEN, a.apiKey())));
            for (UUID id : ids) {
                records.put(id, KafkaProbe.publish(kafka.servers(), KafkaSettings.REQUESTS, id.toString(),
                        "{\"connectionId\":\"" + id + "\",\"trigger\":\"manual\"}"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> calls.entrySet().stream()
                    .allMatch(e -> EMULATOR.requestCount(ExchangeId.KRAKEN, e.getKey().apiKey()) > e.getValue()));

            // While a sync is held, no committed offset may pass its record. A run is recorded before its record is
            // released for commit, so a committed offset read before the run count says "unfinished" is one the
            // sync's completion cannot have moved; no timing window decides what counts as "still syncing".
            Map<UUID, Integer> unfinishedChecks = new LinkedHashMap<>();
            long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
            while (System.nanoTime() < until) {
                for (Map.Entry<UUID, RecordMetadata> e : records.entrySet()) {
                    RecordMetadata r = e.getValue();
                    long committed = committed(r);
                    if (runs(e.getKey()) < 2) {
                        unfinishedChecks.merge(e.getKey(), 1, Integer::sum);
                        assertThat(committed)
                                .as("committed offset of %s-%d, whose record %d is still syncing", r.topic(), r.partition(), r.offset())
                                .isLessThanOrEqualTo(r.offset());
                    }
                }
                Thread.sleep(200);
            }
            assertThat(unfinishedChecks.keySet()).as("every record was seen while its sync was held").containsExactlyElementsOf(ids);
        } finally {
            accounts.forEach(a -> EMULATOR.clearFailures(ExchangeId.KRAKEN, a.apiKey()));
        }

        ids.forEach(id -> awaitRuns(id, 2));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> records.values().forEach(r -> assertThat(committed(r))
                        .as("committed offset of %s-%d after its sync finished", r.topic(), r.partition())
                        .isGreaterThan(r.offset())));
    }

    private long committed(RecordMetadata record) {
        try {
            return KafkaProbe.committed(kafka.servers(), KafkaSettings.GROUP, new TopicPartition(record.topic(), record.partition()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
