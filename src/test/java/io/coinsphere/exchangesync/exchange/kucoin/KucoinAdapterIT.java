package io.coinsphere.exchangesync.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Permission;
import io.coinsphere.exchangesync.emulator.Wallet;
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

class KucoinAdapterIT extends EmulatorSupport {

    private static final ExchangeId KUCOIN = ExchangeId.KUCOIN;
    private KucoinAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new KucoinAdapter(properties, guards());
        account = emulator.addAccount(KUCOIN);
    }

    @Test
    void mergesMainAndTradeAccountsExactly() {
        account.setBalance(Wallet.FUNDING, "USDT", dec("10.000000000000000001"), dec("0"))
                .setBalance(Wallet.SPOT, "USDT", dec("5"), dec("0.5"))
                .setBalance(Wallet.SPOT, "BTC", dec("0.000000000000000001"), dec("0"))
                .setBalance(Wallet.FUNDING, "ETH", dec("0"), dec("0"));

        assertThat(adapter.fetchBalances(credentials(account))).containsExactly(
                new Balance("BTC", dec("0.000000000000000001"), dec("0.000000000000000001"), dec("0")),
                new Balance("USDT", dec("15.500000000000000001"), dec("15.000000000000000001"), dec("0.5")));
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(KUCOIN);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), "wrong"))).isEqualTo(Reason.BAD_PASSPHRASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), null))).isEqualTo(Reason.BAD_PASSPHRASE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);

        emulator.removeAccount(KUCOIN, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void skewedClockIsClockSkew() {
        emulator.setClockSkew(KUCOIN, Duration.ofSeconds(10));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
        } finally {
            emulator.setClockSkew(KUCOIN, Duration.ZERO);
        }
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(KUCOIN, account.apiKey(), 1, Failure.serverError(503));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("503");

        emulator.failNext(KUCOIN, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class);

        emulator.failNext(KUCOIN, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(4)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4)));

        emulator.failNext(KUCOIN, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();
    }
}
