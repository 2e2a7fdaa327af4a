package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.EmulatorSupport;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.ExchangesProperties.Budget;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.binance.BinanceAdapter;
import io.coinsphere.exchangesync.exchange.kraken.KrakenAdapter;
import io.coinsphere.exchangesync.exchange.kraken.KrakenNonces;
import io.coinsphere.exchangesync.exchange.kucoin.KucoinAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Point 4 over real HTTP: the emulator enforces each exchange's limit the way the exchange does
 * and counts every request it refuses; our budgets must keep that count at zero. Windows are
 * shortened (same shape, scaled) so the tests take seconds, not minutes.
 */
class RateBudgetIT extends EmulatorSupport {

    @AfterEach
    void limitsOff() {
        for (ExchangeId id : ExchangeId.values()) {
            emulator.disableRateLimit(id);
        }
        emulator.clearFailures();
    }

    private static ExchangesProperties with(Budget budget, Duration maxWait, int breakerFailures) {
        ExchangesProperties base = properties(budget);
        return new ExchangesProperties(base.connectTimeout(), base.readTimeout(), base.endpoints(), base.clockRefresh(), maxWait,
                new ExchangesProperties.CircuitBreaker(breakerFailures, Duration.ofSeconds(60)));
    }

    /** 2,000 Binance accounts synced by 16 workers: 642,000 weight (spot 20, funding 1, two earn pages 150). */
    @Test
    void binanceFanOutOfTwoThousandConnectionsNeverTripsTheWeightLimit() throws Exception {
        // Binance's 6000 per minute scaled to 60,000 per second; our budget keeps burst + refill under it.
        emulator.setRateLimit(ExchangeId.BINANCE, 60_000, Duration.ofSeconds(1));
        ExchangesProperties budgeted = with(new Budget(5_000L, 48_000L, Duration.ofSeconds(1), false), Duration.ofSeconds(60), 5);
        BinanceAdapter adapter = new BinanceAdapter(budgeted, new ExchangeGuards(budgeted));
        List<EmulatedAccount> accounts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            accounts.add(emulator.addAccount(ExchangeId.BINANCE).setBalance("BTC", dec("0.001"), dec("0")));
        }
        emulator.resetCounters();
        ExecutorService workers = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Balance>>> results = new ArrayList<>();
            for (EmulatedAccount account : accounts) {
                results.add(workers.submit((Callable<List<Balance>>) () -> adapter.fetchBalances(credentials(account))));
            }
            for (Future<List<Balance>> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).extracting(Balance::asset).containsExactly("BTC");
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(emulator.rateLimitRejections(ExchangeId.BINANCE)).isZero();
        assertThat(emulator.requestCount(ExchangeId.BINANCE)).as("4 requests per account, nothing retried")
                .isBetween(8_000L, 8_002L);
    }

    /** Kraken's per-key decaying counter (scaled: 15, draining 10 per second); our per-key budget: 10 + 8/s. */
    @Test
    void krakenPerKeyBudgetNeverTripsTheDecayingCounter() {
        emulator.setRateLimit(ExchangeId.KRAKEN, 15, Duration.ofMillis(1_500));
        KrakenAdapter adapter = new KrakenAdapter(properties, new ExchangeGuards(
                with(new Budget(10L, 1L, Duration.ofMillis(125), true), Duration.ofSeconds(60), 5)), KrakenNonces.inMemory());
        EmulatedAccount account = emulator.addAccount(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0"));
        emulator.resetCounters();
        for (int i = 0; i < 40; i++) {
            assertThat(adapter.fetchBalances(credentials(account))).extracting(Balance::asset).containsExactly("BTC");
        }
        assertThat(emulator.rateLimitRejections(ExchangeId.KRAKEN)).isZero();
    }

    /** Without a budget the same calls do trip it: the check above can fail. */
    @Test
    void withoutABudgetKrakensCounterTrips() {
        emulator.setRateLimit(ExchangeId.KRAKEN, 15, Duration.ofSeconds(45));
        KrakenAdapter adapter = new KrakenAdapter(properties, guards(), KrakenNonces.inMemory());
        EmulatedAccount account = emulator.addAccount(ExchangeId.KRAKEN);
        Throwable failure = null;
        for (int i = 0; i < 20 && failure == null; i++) {
            failure = catchThrowable(() -> adapter.fetchBalances(credentials(account)));
        }
        assertThat(failure).isInstanceOf(RateLimited.class).hasMessageContaining("Kraken");
        assertThat(emulator.rateLimitRejections(ExchangeId.KRAKEN)).isPositive();
    }

    /** A Retry-After pauses that exchange only: the next Binance call waits (here: refuses), KuCoin goes on. */
    @Test
    void retryAfterPausesThatExchangeOnly() {
        ExchangeGuards guards = new ExchangeGuards(with(UNLIMITED, Duration.ZERO, 5));
        BinanceAdapter binance = new BinanceAdapter(properties, guards);
        KucoinAdapter kucoin = new KucoinAdapter(properties, guards);
        EmulatedAccount first = emulator.addAccount(ExchangeId.BINANCE);
        EmulatedAccount second = emulator.addAccount(ExchangeId.BINANCE);
        EmulatedAccount other = emulator.addAccount(ExchangeId.KUCOIN);
        emulator.failNext(ExchangeId.BINANCE, first.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(30)));

        assertThat(catchThrowable(() -> binance.fetchBalances(credentials(first)))).isInstanceOf(RateLimited.class);
        assertThat(catchThrowable(() -> binance.fetchBalances(credentials(second))))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isGreaterThan(Duration.ofSeconds(25)));
        assertThat(emulator.requestCount(ExchangeId.BINANCE, second.apiKey())).as("paused: never sent").isZero();
        assertThat(kucoin.fetchBalances(credentials(other))).isEmpty();
    }

    /** Five consecutive 5xx open KuCoin's breaker: no more calls to it, while Binance keeps syncing. */
    @Test
    void circuitBreakerStopsCallingAFailingExchangeOnly() {
        ExchangeGuards guards = new ExchangeGuards(with(UNLIMITED, Duration.ofSeconds(30), 5));
        KucoinAdapter kucoin = new KucoinAdapter(properties, guards);
        BinanceAdapter binance = new BinanceAdapter(properties, guards);
        EmulatedAccount down = emulator.addAccount(ExchangeId.KUCOIN);
        EmulatedAccount up = emulator.addAccount(ExchangeId.BINANCE).setBalance("ETH", dec("1"), dec("0"));
        kucoin.fetchBalances(credentials(down)); // measures KuCoin's clock before it goes down
        emulator.failAlways(ExchangeId.KUCOIN, Failure.serverError(503));
        for (int i = 0; i < 5; i++) {
            assertThat(catchThrowable(() -> kucoin.fetchBalances(credentials(down)))).hasMessageContaining("503");
        }
        long sent = emulator.requestCount(ExchangeId.KUCOIN);
        assertThat(catchThrowable(() -> kucoin.fetchBalances(credentials(down))))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("paused");
        assertThat(emulator.requestCount(ExchangeId.KUCOIN)).isEqualTo(sent);
        assertThat(guards.of(ExchangeId.KUCOIN).isCircuitOpen()).isTrue();

        assertThat(binance.fetchBalances(credentials(up))).extracting(Balance::asset).containsExactly("ETH");
        assertThat(guards.of(ExchangeId.BINANCE).isCircuitOpen()).isFalse();
    }
}
