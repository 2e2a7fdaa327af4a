package io.coinsphere.exchangesync.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Permission;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.EmulatorSupport;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceAdapterIT extends EmulatorSupport {

    private static final ExchangeId BINANCE = ExchangeId.BINANCE;
    private BinanceAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new BinanceAdapter(properties);
        account = emulator.addAccount(BINANCE);
    }

    @Test
    void readsExactBalancesAndDropsZeros() {
        account.setBalance("BTC", dec("0.123456789012345678"), dec("0.000000000000000001"))
                .setBalance("USDT", dec("100.5"), dec("0"))
                .setBalance("ETH", dec("0"), dec("0"));

        assertThat(adapter.fetchBalances(credentials(account))).containsExactly(
                new Balance("BTC", dec("0.123456789012345679"), dec("0.123456789012345678"), dec("0.000000000000000001")),
                new Balance("USDT", dec("100.5"), dec("100.5"), dec("0")));
    }

    @Test
    void emptyAccountHasNoBalances() {
        assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(BINANCE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), null))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(adapter, new ApiCredentials("not-a-binance-key", good.apiSecret(), null))).isEqualTo(Reason.UNKNOWN_KEY);

        account.revoke(Permission.READ);
        assertThat(failureOf(adapter, good)).hasMessageContaining("Enable Reading");

        emulator.removeAccount(BINANCE, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void clockAheadOfBinanceIsClockSkew() {
        emulator.setClockSkew(BINANCE, Duration.ofSeconds(-10));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
        } finally {
            emulator.setClockSkew(BINANCE, Duration.ZERO);
        }
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.serverError(503));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("503");

        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class);

        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(7)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));

        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();
    }
}
