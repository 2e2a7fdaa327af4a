package io.coinsphere.exchangesync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.kafka.EmbeddedKafkaServer;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL and one Kafka (as deployed); one is SIGKILLed in the middle of a cycle. The other
 * finishes the cycle: the dead instance's leases lapse (nobody renews them) and its uncommitted records come back.
 */
class TwoInstancesIT {

    private static final int CONNECTIONS = 24;

    @Test
    void theSurvivorSyncsWhatTheKilledInstanceWasSyncing() throws Exception {
        Path dir = Files.createTempDirectory("coinsphere-pair-");
        int kafkaPort = ServiceProcess.freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ExchangeEmulator emulator = ExchangeEmulator.start()) {
            EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(dir.resolve("kafka"), kafkaPort);
            int portA = ServiceProcess.freePort();
            int portB = ServiceProcess.freePort();
            List<String> shared = List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--coinsphere.vault.encryption-key=" + Base64.getEncoder().encodeToString(key),
                    "--coinsphere.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort);
            // One data directory: both sign and verify tokens with the same generated JWT key.
            List<String> argsA = new ArrayList<>(ServiceProcess.arguments(emulator, portA, dir.resolve("app")));
            argsA.addAll(shared);
            List<String> argsB = new ArrayList<>(ServiceProcess.arguments(emulator, portB, dir.resolve("app")));
            argsB.addAll(shared);
            try (ServiceProcess a = ServiceProcess.start("pair-a", argsA, dir.resolve("a.log"));
                    ServiceProcess b = ServiceProcess.start("pair-b", argsB, dir.resolve("b.log"))) {
                ApiClient user = ApiClient.newUser(portA);
                Fleet fleet = new Fleet(emulator, Fleet.jdbc(() -> postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                        () -> "postgres")).connect(user, CONNECTIONS);
                emulator.setLatency(ExchangeId.BINANCE, Duration.ofMillis(700));

                Instant since = fleet.nextRound();
                assertThat(user.post("/api/v1/exchanges/sync-all", null).status()).isEqualTo(202);
                String ofB = ":" + portB + "/";
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                        .until(() -> held(fleet, ofB) > 0 && fleet.syncedSince(since) >= 2);
                int inFlightOnB = held(fleet, ofB);

                b.kill();
                double recovered = fleet.awaitSyncedSince(since, Duration.ofSeconds(120));
                await().atMost(Duration.ofSeconds(30)).until(() -> fleet.leasesHeld() == 0);

                assertThat(fleet.notActive()).isZero();
                assertThat(fleet.failedRunsSince(since)).isZero();
                fleet.assertHoldingsMatchTheExchange();
                assertThat(user.get("/api/v1/exchanges/connections").status()).isEqualTo(200);
                new Figures("two instances, one SIGKILLed mid-cycle").put("connections", CONNECTIONS)
                        .put("in flight on the killed instance", inFlightOnB)
                        .put("kill to all synced by the survivor (s)", recovered).put("syncs lost", 0)
                        .put("connections stuck (leases)", 0).print();
            } finally {
                broker.close();
            }
        }
    }

    private static int held(Fleet fleet, String ofInstance) {
        Integer n = fleet.query("SELECT count(*) FROM exchange_connections WHERE sync_lease_until > now()"
                + " AND position(? in sync_lease_owner) > 0", ps -> ps.setString(1, ofInstance), rs -> rs.getInt(1));
        return n == null ? 0 : n;
    }
}
