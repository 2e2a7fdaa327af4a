package io.coinsphere.exchangesync.sync.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import io.coinsphere.exchangesync.sync.SyncQueue;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The fan-out claims each due connection exactly once, even when two claims race. */
class FanoutIT extends IntegrationTest {

    private static final int CONNECTIONS = 300;

    @Autowired
    SyncQueue queue;

    @Test
    void twoConcurrentFanoutsClaimEachDueConnectionOnce() throws Exception {
        ApiClient user = newUser();
        UUID userId = userIdOf(user);
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("0.1"), dec("0"));
        List<UUID> ids = insertDueConnections(userId, CONNECTIONS, "bulk", account.apiKey(), account.apiSecret());

        CyclicBarrier start = new CyclicBarrier(2);
        ProducerTemplate producer = camel.createProducerTemplate();
        List<CompletableFuture<Integer>> claims = List.of(
                CompletableFuture.supplyAsync(() -> claim(producer, start)),
                CompletableFuture.supplyAsync(() -> claim(producer, start)));
        int claimed = claims.get(0).get() + claims.get(1).get();
        assertThat(claimed).isGreaterThanOrEqualTo(CONNECTIONS);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(DISTINCT connection_id) FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id "
                        + "WHERE c.user_id = ?", Integer.class, userId) == CONNECTIONS);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.isEmpty());
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id
                WHERE c.user_id = ?""", Integer.class, userId)).as("one sync per connection").isEqualTo(CONNECTIONS);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM exchange_connections WHERE user_id = ? AND next_sync_at > now() + interval '200 seconds'""",
                Integer.class, userId)).as("every claim moved next_sync_at by the interval").isEqualTo(CONNECTIONS);
        assertThat(user.get("/api/v1/holdings").body().get("holdings").get(0).get("total").asText()).isEqualTo("30");
    }

    private static int claim(ProducerTemplate producer, CyclicBarrier start) {
        try {
            start.await();
            return producer.requestBody("direct:fanout-claim", null, Integer.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID userIdOf(ApiClient user) throws Exception {
        String payload = user.token().split("\\.")[1];
        return UUID.fromString(new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asText());
    }
}
