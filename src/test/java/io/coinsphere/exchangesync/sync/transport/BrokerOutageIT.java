package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.kafka.EmbeddedKafkaServer;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.ServiceInstance;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The broker goes away and comes back: sync commands fail fast with 503, then work again. */
class BrokerOutageIT {

    @Test
    void syncAnswers503QuicklyWhileTheBrokerIsDownAndWorksWhenItIsBack() throws Exception {
        Path dir = Files.createTempDirectory("coinsphere-outage-");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(dir.resolve("kafka"), port);
        try (ExchangeEmulator emulator = ExchangeEmulator.start();
                ServiceInstance app = ServiceInstance.start("outage", emulator,
                        "--coinsphere.data-dir=" + dir.resolve("app"),
                        "--coinsphere.kafka.bootstrap-servers=127.0.0.1:" + port,
                        "--coinsphere.kafka.send-timeout=2s",
                        "--coinsphere.sync.fanout-enabled=false")) {
            ApiClient user = ApiClient.newUser(app.port());
            EmulatedAccount account = emulator.addAccount(ExchangeId.BINANCE).setBalance("BTC", BigDecimal.ONE, BigDecimal.ZERO);
            ApiClient.Response connected = user.post("/api/v1/exchanges/connect", ApiClient.json("exchange", "binance",
                    "apiKey", account.apiKey(), "apiSecret", account.apiSecret()));
            assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
            String path = "/api/v1/exchanges/connections/" + UUID.fromString(connected.text("connectionId")) + "/sync";

            broker.close();
            long started = System.nanoTime();
            ApiClient.Response down = user.post(path, null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(down.status()).as(down.raw()).isEqualTo(503);
            assertThat(down.text("error")).isEqualTo("queue_unavailable");
            assertThat(millis).as("answered within a few seconds, never hangs").isLessThan(10_000);

            // A due connection claimed while the broker is down is put back as due, not skipped for an interval.
            org.springframework.jdbc.core.JdbcTemplate jdbc = app.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            String id = connected.text("connectionId");
            jdbc.update("UPDATE exchange_connections SET next_sync_at = now() - interval '1 minute' WHERE id = CAST(? AS uuid)", id);
            app.camel().createProducerTemplate().requestBody("direct:fanout-claim", (Object) null);
            assertThat(jdbc.queryForObject("SELECT next_sync_at <= now() FROM exchange_connections WHERE id = CAST(? AS uuid)",
                    Boolean.class, id)).as("still due after the failed hand-off").isTrue();

            broker = EmbeddedKafkaServer.start(dir.resolve("kafka"), port);
            long restarted = System.nanoTime();
            long before = emulator.requestCount(ExchangeId.BINANCE, account.apiKey());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> user.post(path, null).status() == 202);
            double accepted = (System.nanoTime() - restarted) / 1e9;
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> emulator.requestCount(ExchangeId.BINANCE, account.apiKey()) > before);
            // The figures docs/reliability.md quotes.
            System.out.printf("%n=== reliability: Kafka stopped and started again%n  %-34s %s%n  %-34s %.1f%n  %-34s %.1f%n",
                    "POST /sync while down", down.status() + " " + down.text("error") + " in " + millis + " ms",
                    "start to sync accepted (s)", accepted, "start to sync done (s)", (System.nanoTime() - restarted) / 1e9);
        } finally {
            broker.close();
        }
    }
}
