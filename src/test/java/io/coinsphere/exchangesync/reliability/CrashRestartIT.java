package io.coinsphere.exchangesync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service on its embedded defaults (its own PostgreSQL and Kafka in one data directory, as {@code mvn
 * spring-boot:run} runs it) is killed or stopped in the middle of a sync cycle and started again on the same data.
 * {@link CrashRestartInProcessIT} runs the same faults without Kafka, as the production jar runs without a cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartIT {

    private static final int CONNECTIONS = 24;
    /** After the restart: one fan-out tick (10 s here) plus the syncs themselves, with room for a slow machine. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);

    private ExchangeEmulator emulator;
    private Path dir;
    private List<String> args;
    private ServiceProcess service;
    private ApiClient user;
    private Fleet fleet;
    private int starts;

    @BeforeAll
    void startTheService() throws Exception {
        emulator = ExchangeEmulator.start();
        dir = Files.createTempDirectory("coinsphere-crash-");
        int port = ServiceProcess.freePort();
        args = new ArrayList<>(ServiceProcess.arguments(emulator, port, dir));
        args.addAll(transport());
        service = launch();
        user = ApiClient.newUser(port);
        fleet = new Fleet(emulator, Fleet.jdbc(this::jdbcUrl, "postgres", this::password)).connect(user, CONNECTIONS);
        // Every sync now takes a few seconds: a cycle of 24 on 4 workers is long enough to be cut in the middle.
        emulator.setLatency(ExchangeId.BINANCE, Duration.ofMillis(700));
    }

    /** How sync work travels: here the in-process Kafka broker of the embedded defaults. */
    List<String> transport() throws IOException {
        return List.of("--coinsphere.kafka.embedded-port=" + ServiceProcess.freePort());
    }

    /** Named in the printed figures. */
    String embedded() {
        return "embedded PostgreSQL and Kafka";
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private ServiceProcess launch() throws IOException {
        return ServiceProcess.start("crash", args, dir.resolve("service-" + (++starts) + ".log"));
    }

    private String jdbcUrl() {
        try {
            return "jdbc:postgresql://localhost:" + Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(3).trim() + "/postgres";
        } catch (IOException e) {
            throw new IllegalStateException("no running PostgreSQL", e);
        }
    }

    private String password() {
        try {
            return Files.readString(dir.resolve("postgres.password")).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long postgresPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /** Starts a cycle (new balances, sync-all) and waits until part of it is done and part of it is running. */
    private Instant cycleHalfway() {
        Instant since = fleet.nextRound();
        ApiClient.Response queued = user.post("/api/v1/exchanges/sync-all", null);
        assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> fleet.syncedSince(since) >= 4 && fleet.leasesHeld() > 0);
        return since;
    }

    @Test
    @Order(1)
    void sigkillMidCycleThenRestart() throws Exception {
        Instant since = cycleHalfway();
        UUID running = fleet.running();
        if (running != null) {
            ApiClient.Response again = user.post("/api/v1/exchanges/connections/" + running + "/sync", null);
            assertThat(again.status()).as(again.raw()).isEqualTo(202);
            assertThat(again.text("message")).isEqualTo("Sync already running");
        }
        int doneBefore = fleet.syncedSince(since);
        int inFlight = fleet.leasesHeld();
        long postgres = postgresPid();

        service.kill();
        long killed = System.nanoTime();
        // The watchdog stops the orphaned PostgreSQL: nothing is left running without the service.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> ProcessHandle.of(postgres).map(p -> !p.isAlive()).orElse(true));
        double postgresGone = Figures.seconds(killed);

        long restart = System.nanoTime();
        service = launch();
        double ready = Figures.seconds(restart);
        double recovered = fleet.awaitSyncedSince(since, RECOVERY_BOUND);
        await().atMost(Duration.ofSeconds(15)).until(() -> fleet.leasesHeld() == 0);

        assertThat(fleet.notActive()).as("no connection marked error for a crash").isZero();
        assertThat(fleet.failedRunsSince(since)).isZero();
        fleet.assertHoldingsMatchTheExchange();
        new Figures("SIGKILL mid-cycle, restart (" + embedded() + ")")
                .put("connections", CONNECTIONS).put("synced before the kill", doneBefore).put("in flight at the kill", inFlight)
                .put("postgres stopped after kill (s)", postgresGone).put("restart to ready (s)", ready)
                .put("ready to all synced (s)", recovered).put("syncs lost", 0).put("connections stuck (leases)", fleet.leasesHeld())
                .print();
    }

    @Test
    @Order(2)
    void sigkillWithItsWatchdogLeavesPostgresRunningAndTheNextStartStopsIt() throws Exception {
        long postgres = postgresPid();
        List<ProcessHandle> watchdog = service.children().stream()
                .filter(p -> p.info().commandLine().map(c -> c.contains("coinsphere-postgres-watchdog")).orElse(false)).toList();
        assertThat(watchdog).as("the service runs a watchdog for its PostgreSQL").hasSize(1);

        // The worst case: the watchdog dies with the JVM (kill -9 of the whole process group).
        watchdog.get(0).destroyForcibly();
        service.kill();
        ServiceProcess.sleep(2000);
        assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive)).as("orphaned PostgreSQL").contains(true);

        long restart = System.nanoTime();
        service = launch();
        double ready = Figures.seconds(restart);
        assertThat(service.logContains("stopped the server (pid " + postgres)).as("one log line says what happened").isTrue();
        assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(user.get("/api/v1/exchanges/connections").status()).isEqualTo(200);

        // SECURITY: the embedded database needs its generated password.
        try (var unused = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            throw new AssertionError("connected without the password");
        } catch (SQLException refused) {
            assertThat(refused.getSQLState()).isIn("28P01", "08004", "28000");
        }
        new Figures("SIGKILL of the service and its watchdog (orphaned PostgreSQL), restart (" + embedded() + ")")
                .put("restart to ready (s)", ready).put("orphan stopped by the start", "yes (log line)").print();
    }

    @Test
    @Order(3)
    void sigtermMidCycleLosesNothing() throws Exception {
        Instant since = cycleHalfway();
        int inFlight = fleet.leasesHeld();

        long stop = System.nanoTime();
        int exit = service.terminate(Duration.ofSeconds(90));
        double stopped = Figures.seconds(stop);
        assertThat(service.logContains("Exception in thread \"main\"")).isFalse();

        long restart = System.nanoTime();
        service = launch();
        double ready = Figures.seconds(restart);
        double recovered = fleet.awaitSyncedSince(since, RECOVERY_BOUND);
        await().atMost(Duration.ofSeconds(15)).until(() -> fleet.leasesHeld() == 0);

        assertThat(fleet.notActive()).isZero();
        assertThat(fleet.failedRunsSince(since)).isZero();
        fleet.assertHoldingsMatchTheExchange();
        new Figures("SIGTERM mid-cycle, restart (" + embedded() + ")").put("in flight at SIGTERM", inFlight).put("exit code", exit)
                .put("SIGTERM to exit (s)", stopped).put("restart to ready (s)", ready)
                .put("ready to all synced (s)", recovered).put("syncs lost", 0).put("connections stuck (leases)", 0).print();
    }
}
