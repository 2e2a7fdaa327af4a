package io.coinsphere.exchangesync.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.ExchangeSyncApplication;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The service in demo mode, started as a user would: every demo account connects and syncs. */
class DemoModeIT {

    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        Path dataDir = Files.createTempDirectory("coinsphere-demo-");
        app = new SpringApplicationBuilder(ExchangeSyncApplication.class).run(
                "--coinsphere.demo=true",
                "--coinsphere.demo.port-base=" + freePortRange(ExchangeId.values().length),
                "--server.port=0",
                "--coinsphere.data-dir=" + dataDir,
                "--coinsphere.sync.fanout-enabled=false",
                "--coinsphere.kafka.embedded-port=0",
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false");
        port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyDemoAccountConnectsAndSyncs() {
        ApiClient user = ApiClient.newUser(port);
        for (DemoAccounts.Demo demo : DemoAccounts.ALL) {
            ApiClient.Response connected = user.post("/api/v1/exchanges/connect", ApiClient.json("exchange", demo.exchange().id(),
                    "apiKey", demo.apiKey(), "apiSecret", demo.apiSecret(), "passphrase", demo.passphrase()));
            assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode connections = user.get("/api/v1/exchanges/connections").body().get("connections");
            int synced = 0;
            for (JsonNode c : connections) {
                synced += c.get("lastSyncAt").isNull() ? 0 : 1;
            }
            return synced == DemoAccounts.ALL.size();
        });
        Set<String> symbols = new HashSet<>();
        user.get("/api/v1/holdings").body().get("holdings").forEach(h -> symbols.add(h.get("symbol").asText()));
        assertThat(symbols).contains("BTC", "ETH", "DOT", "EUR", "SOL", "USDC", "USDT", "BNB", "XRP");

        // Prices from the emulated tickers value the portfolio; GHOST has no market anywhere.
        await().atMost(Duration.ofSeconds(30)).until(() -> new java.math.BigDecimal(
                user.get("/api/v1/holdings").body().get("totalValue").asText()).signum() > 0);
        JsonNode valued = user.get("/api/v1/holdings").body();
        assertThat(valued.get("unpriced").asInt()).isEqualTo(1);
        // A few days of generated history for the chart.
        await().atMost(Duration.ofSeconds(60)).until(() -> user.get("/api/v1/portfolio/history?range=7d").body().get("points").size() > 48);
        JsonNode history = user.get("/api/v1/portfolio/history?range=7d").body();
        java.time.Instant first = java.time.Instant.parse(history.get("points").get(0).get("at").asText());
        assertThat(first).isBefore(java.time.Instant.now().minus(Duration.ofDays(2)));
    }

    /** A base port with {@code count} free ports after it. */
    private static int freePortRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0)) {
                base = probe.getLocalPort();
            }
            if (base + count > 65535) {
                continue;
            }
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException busy) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free port range");
    }
}
