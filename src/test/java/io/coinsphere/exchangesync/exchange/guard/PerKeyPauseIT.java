package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One user's key answering 429 must not slow anyone else down where the exchange limits per key or account:
 * through the whole service, a second user's sync on the same exchange finishes within a second.
 */
class PerKeyPauseIT extends IntegrationTest {

    @Autowired
    private ExchangeGuards guards;

    @AfterEach
    void noFailures() {
        EMULATOR.clearFailures();
    }

    @ParameterizedTest
    @EnumSource(value = ExchangeId.class, names = {"KUCOIN", "COINBASE", "KRAKEN"})
    void oneKeysRateLimitDelaysNoOtherUsersSync(ExchangeId exchange) {
        ApiClient throttled = newUser();
        ApiClient other = newUser();
        EmulatedAccount throttledAccount = account(exchange).setBalance("BTC", dec("1"), dec("0"));
        EmulatedAccount otherAccount = account(exchange).setBalance("ETH", dec("2"), dec("0"));
        UUID throttledId = connect(throttled, throttledAccount);
        UUID otherId = connect(other, otherAccount);
        awaitRuns(throttledId, 1);
        awaitRuns(otherId, 1);

        EMULATOR.failAlways(exchange, throttledAccount.apiKey(), Failure.rateLimited(Duration.ofSeconds(30)));
        throttled.post("/api/v1/exchanges/connections/" + throttledId + "/sync", null);
        ExchangeGuard guard = guards.of(exchange);
        // The 429 has reached the guard: the throttled key is paused (KuCoin's translation keeps a shorter pause).
        await().atMost(Duration.ofSeconds(10)).until(() -> !guard.pausedFor(throttledAccount.apiKey()).isZero());
        assertThat(guard.pausedFor(otherAccount.apiKey())).as("another key of the same exchange").isZero();

        long start = System.nanoTime();
        syncNow(other, otherId);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("the other user's sync").isLessThan(Duration.ofSeconds(1));
        assertThat(connectionRow(otherId).get("last_error")).isNull();
        assertThat(holdings(otherId)).containsEntry("ETH", dec("2"));
    }
}
