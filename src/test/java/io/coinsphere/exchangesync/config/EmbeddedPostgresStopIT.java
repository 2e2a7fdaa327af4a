package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A JVM that ends while its context is still closing (a forked test JVM's exit timeout, a second Ctrl+C) must not
 * leave its embedded PostgreSQL running: the watchdog outlives the server's stop.
 */
class EmbeddedPostgresStopIT {

    @TempDir
    Path dataDir;

    @Test
    void aJvmThatEndsWhileClosingLeavesNoPostgresBehind() throws Exception {
        Path out = dataDir.resolve("probe.out");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Probe.class.getName(), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("the probe JVM ends").isTrue();
        List<String> lines = Files.readAllLines(out);
        long postmaster = lines.stream().filter(l -> l.startsWith(Probe.PID)).map(l -> Long.parseLong(l.substring(Probe.PID.length())))
                .findFirst().orElseThrow(() -> new AssertionError("the probe did not start PostgreSQL:\n" + String.join("\n", lines)));
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !alive(postmaster));
        } finally {
            // Before the fix the server stayed: do not leave it to the next run of the suite.
            ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Starts the embedded server, then exits; the JVM halts as the context's close reaches the database's users. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CoinsphereProperties.class)
    @Import({Probe.HaltingUser.class, EmbeddedPostgresConfiguration.class})
    static class Probe {

        static final String PID = "postmaster pid ";

        public static void main(String[] args) {
            new SpringApplicationBuilder(Probe.class).web(WebApplicationType.NONE).run(
                    "--coinsphere.data-dir=" + args[0],
                    "--coinsphere.embedded.postgres-settings.fsync=off");
            Optional<LeftoverPostgres.PidFile> pidFile = LeftoverPostgres.PidFile.read(Path.of(args[0]).toAbsolutePath().resolve("postgres"));
            System.out.println(PID + pidFile.map(LeftoverPostgres.PidFile::pid).orElse(-1L));
            System.out.flush();
            // A normal exit: Spring's shutdown hook closes the context.
            System.exit(0);
        }

        /** Registered before the database's beans, so that the close reaches it while the server still runs. */
        @Configuration(proxyBeanMethods = false)
        static class HaltingUser {
            @Bean(destroyMethod = "close")
            AutoCloseable haltingDatabaseUser(EmbeddedPostgres postgres) {
                // Like surefire's exit timeout or a killed JVM: nothing after this point of the close runs.
                return () -> Runtime.getRuntime().halt(0);
            }
        }
    }
}
