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
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import java.time.Duration;
import java.util.Map;
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
                new Balance("USDT", dec("15.500000000000000001"), dec("15.000000000000000001"), dec("0.5"),
                        Map.of(io.coinsphere.exchangesync.exchange.Wallet.FUNDING, dec("10.000000000000000001"),
                                io.coinsphere.exchangesync.exchange.Wallet.SPOT, dec("5.5"))));
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(KUCOIN);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), "wrong"))).isEqualTo(Reason.BAD_PASSPHRASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), null))).isEqualTo(Reason.BAD_PASSPHRASE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);

        account.grant(Permission.READ).blockOurIp(true);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.IP_NOT_ALLOWED);
        account.blockOurIp(false).setKeyVersion(1);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.KEY_VERSION);

        emulator.removeAccount(KUCOIN, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    /** Point 2: "General" alone is read-only; "Spot" trades; "Withdrawal" withdraws. */
    @Test
    void reportsTheKeysPermissions() {
        ApiCredentials creds = credentials(account);
        assertThat(adapter.checkPermissions(creds)).isEqualTo(KeyPermissions.verified(true, false, false));
        account.grant(Permission.TRADE);
        assertThat(adapter.checkPermissions(creds)).isEqualTo(KeyPermissions.verified(true, true, false));
        account.grant(Permission.WITHDRAW);
        assertThat(adapter.checkPermissions(creds)).isEqualTo(KeyPermissions.verified(true, true, true));
    }

    /** Point 3: KuCoin's clock is measured and used; an uncorrectable one fails after one retry. */
    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(KUCOIN, Duration.ofSeconds(10));
        emulator.setReportedTimeError(KUCOIN, Duration.ofSeconds(-10));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(KUCOIN, account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(KUCOIN, Duration.ZERO);
            emulator.setReportedTimeError(KUCOIN, Duration.ZERO);
        }
    }

    @Test
    void skewedClockIsCorrected() {
        emulator.setClockSkew(KUCOIN, Duration.ofSeconds(10));
        try {
            assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
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

        emulator.failNext(KUCOIN, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        emulator.failNext(KUCOIN, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(4)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4)));
    }
}
