package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties.Budget;
import io.coinsphere.exchangesync.exchange.ExchangesProperties.CircuitBreaker;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The guard on a hand-moved clock, with no waiting allowed, so every decision is visible at once. */
class ExchangeGuardTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger calls = new AtomicInteger();

    private ExchangeGuard guard(ExchangeId id, Budget budget) {
        return new ExchangeGuard(id, budget, new CircuitBreaker(3, Duration.ofSeconds(60)), Duration.ZERO, nanos::get);
    }

    private String ok() {
        calls.incrementAndGet();
        return "ok";
    }

    @Test
    void budgetRefusesToCallOverItAndRefills() {
        ExchangeGuard binance = guard(ExchangeId.BINANCE, new Budget(40L, 20L, Duration.ofSeconds(1), false));
        binance.call("a", 20, this::ok);
        binance.call("b", 20, this::ok);
        assertThatThrownBy(() -> binance.call("c", 20, this::ok)).isInstanceOf(RateLimited.class).hasMessageContaining("budget");
        assertThat(calls).as("the refused call never went out").hasValue(2);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(binance.call("c", 20, this::ok)).isEqualTo("ok");
    }

    @Test
    void perKeyBudgetsDoNotShareTokens() {
        ExchangeGuard kraken = guard(ExchangeId.KRAKEN, new Budget(1L, 1L, Duration.ofSeconds(4), true));
        kraken.call("a", 1, this::ok);
        assertThatThrownBy(() -> kraken.call("a", 1, this::ok)).isInstanceOf(RateLimited.class);
        assertThat(kraken.call("b", 1, this::ok)).isEqualTo("ok");
    }

    @Test
    void retryAfterPausesTheExchangeUntilItExpires() {
        ExchangeGuard binance = guard(ExchangeId.BINANCE, new Budget(100L, 100L, Duration.ofSeconds(1), false));
        assertThatThrownBy(() -> binance.call("a", 1, () -> {
            throw new RateLimited("slow down", Duration.ofSeconds(30));
        })).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> binance.call("other-key", 1, this::ok)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(calls).hasValue(0);

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(binance.call("other-key", 1, this::ok)).isEqualTo("ok");
    }

    @Test
    void krakenRateLimitPausesOnlyThatKey() {
        ExchangeGuard kraken = guard(ExchangeId.KRAKEN, new Budget(100L, 100L, Duration.ofSeconds(1), true));
        assertThatThrownBy(() -> kraken.call("a", 1, () -> {
            throw new RateLimited("slow down", Duration.ofSeconds(30));
        })).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> kraken.call("a", 1, this::ok)).isInstanceOf(RateLimited.class);
        assertThat(kraken.call("b", 1, this::ok)).isEqualTo("ok");
    }

    @Test
    void aRateLimitPausesOnlyTheKeyWhereTheExchangeLimitsPerKeyOrAccount() {
        for (ExchangeId id : new ExchangeId[] {ExchangeId.COINBASE, ExchangeId.KUCOIN, ExchangeId.KRAKEN}) {
            ExchangeGuard guard = guard(id, Budget.defaults(id));
            assertThat(Budget.defaults(id).perKey()).as(id + " limits per key or account").isTrue();
            assertThatThrownBy(() -> guard.call("busy", 1, () -> {
                throw new RateLimited("slow down", Duration.ofSeconds(30));
            })).isInstanceOf(RateLimited.class);
            assertThatThrownBy(() -> guard.call("busy", 1, this::ok)).as(id.id()).isInstanceOf(RateLimited.class);
            assertThat(guard.call("other", 1, this::ok)).as(id + ": another user's key goes on").isEqualTo("ok");
        }
        assertThat(Budget.defaults(ExchangeId.BINANCE).perKey()).as("Binance limits per address").isFalse();
    }

    @Test
    void onlyOutagesFeedTheBreakerNotOneKeysFailures() {
        ExchangeGuard kraken = guard(ExchangeId.KRAKEN, new Budget(100L, 100L, Duration.ofSeconds(1), true));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> kraken.call("shared-key", 1, () -> {
                throw new ExchangeUnavailable("Kraken rejected the request nonce");
            }));
            assertThatThrownBy(() -> kraken.call("bad-key", 1, () -> {
                throw new CredentialsRejected(CredentialsRejected.Reason.UNKNOWN_KEY, "unknown");
            }));
            assertThatThrownBy(() -> kraken.call("busy-key", 1, () -> {
                throw new RateLimited("slow down", Duration.ofMillis(1));
            }));
            nanos.addAndGet(Duration.ofMillis(2).toNanos());
        }
        assertThat(kraken.isCircuitOpen()).isFalse();
        assertThat(kraken.call("good-key", 1, this::ok)).isEqualTo("ok");
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresThenProbes() {
        ExchangeGuard kucoin = guard(ExchangeId.KUCOIN, new Budget(100L, 100L, Duration.ofSeconds(1), true));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> kucoin.call("a", 1, () -> {
                throw ExchangeUnavailable.outage("503", null);
            })).hasMessage("503");
        }
        assertThat(kucoin.isCircuitOpen()).isTrue();
        assertThatThrownBy(() -> kucoin.call("a", 1, this::ok)).isInstanceOf(ExchangeUnavailable.class)
                .hasMessageContaining("paused");
        assertThat(calls).hasValue(0);

        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(kucoin.call("a", 1, this::ok)).as("the probe goes through").isEqualTo("ok");
        assertThat(kucoin.isCircuitOpen()).isFalse();
    }

    @Test
    void anAnswerFromTheExchangeResetsTheFailureCount() {
        ExchangeGuard coinbase = guard(ExchangeId.COINBASE, new Budget(100L, 100L, Duration.ofSeconds(1), true));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> coinbase.call("a", 1, () -> {
                throw ExchangeUnavailable.outage("502", null);
            }));
        }
        assertThatThrownBy(() -> coinbase.call("a", 1, () -> {
            throw new CredentialsRejected(CredentialsRejected.Reason.UNKNOWN_KEY, "unknown");
        }));
        assertThatThrownBy(() -> coinbase.call("a", 1, () -> {
            throw ExchangeUnavailable.outage("502", null);
        }));
        assertThat(coinbase.isCircuitOpen()).isFalse();
    }

    @Test
    void statsCountSpentUnitsRefusalsAndTheBreakerState() {
        ExchangeGuard binance = guard(ExchangeId.BINANCE, new Budget(40L, 20L, Duration.ofSeconds(1), false));
        assertThat(binance.budgetUsed()).isZero();
        binance.call("a", 10, this::ok);
        binance.call("a", 20, this::ok);
        assertThat(binance.budgetUsed()).isEqualTo(0.75);
        assertThatThrownBy(() -> binance.call("a", 20, this::ok)).isInstanceOf(RateLimited.class);
        assertThat(binance.stats().taken()).isEqualTo(30);
        assertThat(binance.stats().refused(GuardStats.Refusal.BUDGET)).isEqualTo(1);
        assertThat(binance.budgetCapacity()).isEqualTo(40);

        ExchangeGuard kucoin = guard(ExchangeId.KUCOIN, new Budget(4L, 4L, Duration.ofSeconds(1), true));
        kucoin.call("busy", 3, this::ok);
        kucoin.call("idle", 1, this::ok);
        assertThat(kucoin.budgetUsed()).as("per-key budgets report the busiest key").isEqualTo(0.75);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> kucoin.call("a", 1, () -> {
                throw ExchangeUnavailable.outage("503", null);
            }));
        }
        assertThat(kucoin.circuitState()).as("open").isEqualTo(1);
        assertThatThrownBy(() -> kucoin.call("a", 1, this::ok)).isInstanceOf(ExchangeUnavailable.class);
        assertThat(kucoin.stats().refused(GuardStats.Refusal.CIRCUIT_OPEN)).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(kucoin.circuitState()).as("half-open once the pause is over").isEqualTo(2);
        kucoin.call("a", 1, this::ok);
        assertThat(kucoin.circuitState()).as("closed after a good probe").isZero();
    }

    @Test
    void defaultBudgetsStayUnderTheExchangesLimitsInAnyWindow() {
        Budget binance = Budget.defaults(ExchangeId.BINANCE);
        assertThat(binance.capacity() + binance.refill()).isLessThanOrEqualTo(6000);
        Budget kucoin = Budget.defaults(ExchangeId.KUCOIN);
        assertThat(kucoin.capacity() + kucoin.refill()).isLessThanOrEqualTo(2000);
        Budget kraken = Budget.defaults(ExchangeId.KRAKEN);
        assertThat(kraken.capacity()).isLessThanOrEqualTo(15);
        assertThat((double) kraken.refill() / kraken.period().toSeconds()).isLessThan(0.33);
    }
}
