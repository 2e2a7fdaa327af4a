package io.coinsphere.exchangesync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stalls (every process of it SIGSTOPped, as a hung disk or a paused VM does) and stops and comes back:
 * requests that need it answer 503 database_unavailable within the bound, readiness goes DOWN and UP, and the syncs
 * that hit the outage are retried, neither lost nor marked error.
 */
class DatabaseOutageIT {

    private static final int CONNECTIONS = 8;
    /** coinsphere.database.timeout (5 s) plus the request's own work, on a busy machine. */
    private static final long ANSWER_BOUND_MS = 8_000;
    private static final int STALL_SECONDS = 15;

    @Test
    void stalledPostgresAnswers503FastThenEverythingRecovers() throws Exception {
        Path dir = Files.createTempDirectory("coinsphere-stall-");
        int port = ServiceProcess.freePort();
        List<String> args = new ArrayList<>(ServiceProcess.arguments(ExchangeEmulatorHolder.get(), port, dir));
        args.add("--coinsphere.kafka.embedded-port=" + ServiceProcess.freePort());
        ExchangeEmulator emulator = ExchangeEmulatorHolder.get();
        try (ServiceProcess service = ServiceProcess.start("stall", args, dir.resolve("service.log"))) {
            ApiClient user = ApiClient.newUser(port);
            Fleet fleet = new Fleet(emulator, Fleet.jdbc(() -> jdbcUrl(dir), "postgres", () -> read(dir.resolve("postgres.password"))))
                    .connect(user, CONNECTIONS);
            emulator.setLatency(ExchangeId.BINANCE, Duration.ofMillis(1500));
            Instant since = fleet.nextRound();
            assertThat(user.post("/api/v1/exchanges/sync-all", null).status()).isEqualTo(202);
            // The syncs are now waiting for the exchange; they reach the database during the stall.
            ServiceProcess.sleep(1000);

            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            List<ProcessHandle> postgres = Stream.concat(ProcessHandle.of(postmaster).stream(),
                    ProcessHandle.of(postmaster).orElseThrow().descendants()).toList();
            long stalled = System.nanoTime();
            signal("STOP", postgres);
            Timed list;
            Timed syncAll;
            Timed readiness;
            try {
                list = Timed.of(() -> user.get("/api/v1/exchanges/connections"));
                syncAll = Timed.of(() -> user.post("/api/v1/exchanges/sync-all", null));
                readiness = Timed.of(() -> new ApiClient(port, null).get("/actuator/health/readiness"));
                // Shorter than a lease (20 s): the syncs' retries find their own leases still standing.
                while (Figures.seconds(stalled) < STALL_SECONDS) {
                    ServiceProcess.sleep(200);
                }
            } finally {
                signal("CONT", postgres);
            }
            long resumed = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> service.status("/actuator/health/readiness", Duration.ofSeconds(3)).orElse(0) == 200);
            double readyAgain = Figures.seconds(resumed);
            double recovered = fleet.awaitSyncedSince(since, Duration.ofSeconds(240));
            await().atMost(Duration.ofSeconds(30)).until(() -> fleet.leasesHeld() == 0);

            for (Timed answer : List.of(list, syncAll)) {
                assertThat(answer.response.status()).as(answer.response.raw()).isEqualTo(503);
                assertThat(answer.response.text("error")).isEqualTo("database_unavailable");
                assertThat(answer.response.http().headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.millis).isLessThan(ANSWER_BOUND_MS);
            }
            assertThat(readiness.response.status()).isEqualTo(503);
            assertThat(readiness.millis).as("readiness DOWN within a probe's timeout").isLessThan(4_000);
            long retried = Files.readAllLines(service.log()).stream()
                    .filter(l -> l.contains("Failed delivery") && l.contains("CannotGetJdbcConnectionException")).count();
            assertThat(retried).as("syncs in flight hit the stall and the sync error policy retried them").isPositive();
            assertThat(fleet.notActive()).as("the outage was not the exchange's fault").isZero();
            assertThat(fleet.failedRunsSince(since)).isZero();
            fleet.assertHoldingsMatchTheExchange();
            new Figures("PostgreSQL stalled " + STALL_SECONDS + " s (SIGSTOP of every postgres process)")
                    .put("GET /connections answer", list.response.status() + " in " + list.millis + " ms")
                    .put("POST /sync-all answer", syncAll.response.status() + " in " + syncAll.millis + " ms")
                    .put("readiness answer", readiness.response.status() + " in " + readiness.millis + " ms")
                    .put("SIGCONT to readiness UP (s)", readyAgain).put("SIGCONT to all synced (s)", recovered)
                    .put("sync attempts failed by the stall", retried)
                    .put("syncs lost", 0).put("marked error", fleet.notActive()).put("connections stuck (leases)", 0).print();
        } finally {
            emulator.setLatency(ExchangeId.BINANCE, Duration.ZERO);
        }
    }

    @Test
    void externalPostgresStoppedAndRestarted() throws Exception {
        Path dir = Files.createTempDirectory("coinsphere-pgstop-");
        int pgPort = ServiceProcess.freePort();
        EmbeddedPostgres postgres = database(dir, pgPort);
        ExchangeEmulator emulator = ExchangeEmulatorHolder.get();
        int port = ServiceProcess.freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> args = new ArrayList<>(ServiceProcess.arguments(emulator, port, dir.resolve("app")));
        args.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--coinsphere.vault.encryption-key=" + Base64.getEncoder().encodeToString(key),
                "--coinsphere.kafka.embedded-port=" + ServiceProcess.freePort()));
        try (ServiceProcess service = ServiceProcess.start("pgstop", args, dir.resolve("service.log"))) {
            ApiClient user = ApiClient.newUser(port);
            Fleet fleet = new Fleet(emulator, Fleet.jdbc(() -> "jdbc:postgresql://localhost:" + pgPort + "/postgres",
                    "postgres", () -> "postgres")).connect(user, 4);
            Instant since = fleet.nextRound();

            postgres.close();
            long stopped = System.nanoTime();
            Timed list = Timed.of(() -> user.get("/api/v1/exchanges/connections"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> service.status("/actuator/health/readiness", Duration.ofSeconds(3)).orElse(0) == 503);
            double down = Figures.seconds(stopped);
            ServiceProcess.sleep(5000);

            postgres = database(dir, pgPort);
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> service.status("/actuator/health/readiness", Duration.ofSeconds(3)).orElse(0) == 200);
            double up = Figures.seconds(restarted);
            ApiClient.Response queued = user.post("/api/v1/exchanges/sync-all", null);
            assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
            double recovered = fleet.awaitSyncedSince(since, Duration.ofSeconds(60));

            assertThat(list.response.status()).as(list.response.raw()).isEqualTo(503);
            assertThat(list.response.text("error")).isEqualTo("database_unavailable");
            assertThat(list.millis).isLessThan(ANSWER_BOUND_MS);
            assertThat(fleet.notActive()).isZero();
            fleet.assertHoldingsMatchTheExchange();
            new Figures("external PostgreSQL stopped, started again 5 s later")
                    .put("GET /connections answer", list.response.status() + " in " + list.millis + " ms")
                    .put("stop to readiness DOWN (s)", down).put("start to readiness UP (s)", up)
                    .put("sync-all after: all synced (s)", recovered).put("marked error", 0).print();
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres database(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(port).start();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    private static String jdbcUrl(Path dir) {
        try {
            return "jdbc:postgresql://localhost:" + Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(3).trim() + "/postgres";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response and how long it took. */
    private record Timed(ApiClient.Response response, long millis) {
        static Timed of(java.util.function.Supplier<ApiClient.Response> call) {
            long start = System.nanoTime();
            ApiClient.Response response = call.get();
            return new Timed(response, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** One emulator for the class. */
    private static final class ExchangeEmulatorHolder {
        private static final ExchangeEmulator EMULATOR = ExchangeEmulator.start();

        static ExchangeEmulator get() {
            return EMULATOR;
        }
    }
}
