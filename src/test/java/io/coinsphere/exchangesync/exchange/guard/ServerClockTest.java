package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServerClockTest {

    private final AtomicLong local = new AtomicLong(1_000_000);
    private final AtomicLong serverOffset = new AtomicLong(-7_000);
    private final AtomicInteger reads = new AtomicInteger();

    private final ServerClock clock = new ServerClock(ExchangeId.BINANCE, () -> {
        reads.incrementAndGet();
        return local.get() + serverOffset.get();
    }, Duration.ofMinutes(10), local::get);

    @Test
    void measuresOnFirstUseAndAgainAfterTheRefreshInterval() {
        assertThat(clock.now()).isEqualTo(local.get() - 7_000);
        assertThat(clock.now()).isEqualTo(local.get() - 7_000);
        assertThat(reads).hasValue(1);

        serverOffset.set(2_000);
        local.addAndGet(Duration.ofMinutes(10).toMillis());
        assertThat(clock.now()).isEqualTo(local.get() + 2_000);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aTimestampRejectionRemeasuresAndRetriesOnce() {
        clock.now();
        serverOffset.set(5_000);
        AtomicInteger attempts = new AtomicInteger();
        String result = clock.retryOnSkew(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new CredentialsRejected(CredentialsRejected.Reason.CLOCK_SKEW, "skew");
            }
            return "signed at " + (clock.now() - local.get());
        });
        assertThat(result).isEqualTo("signed at 5000");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aSecondRejectionIsReported() {
        assertThatThrownBy(() -> clock.retryOnSkew(() -> {
            throw new CredentialsRejected(CredentialsRejected.Reason.CLOCK_SKEW, "skew");
        })).isInstanceOfSatisfying(CredentialsRejected.class,
                e -> assertThat(e.reason()).isEqualTo(CredentialsRejected.Reason.CLOCK_SKEW));
    }

    @Test
    void otherRejectionsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> clock.retryOnSkew(() -> {
            attempts.incrementAndGet();
            throw new CredentialsRejected(CredentialsRejected.Reason.BAD_SIGNATURE, "bad");
        })).isInstanceOf(CredentialsRejected.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aFailingTimeEndpointKeepsTheLastOffset() {
        clock.now();
        ServerClock failing = new ServerClock(ExchangeId.KUCOIN, () -> {
            throw new IllegalStateException("down");
        }, Duration.ZERO, local::get);
        assertThat(failing.now()).isEqualTo(local.get());
    }
}
