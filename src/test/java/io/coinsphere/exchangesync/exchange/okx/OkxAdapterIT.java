package io.coinsphere.exchangesync.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Permission;
import io.coinsphere.exchangesync.emulator.Wallet;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.EmulatorSupport;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OKX adapter against the emulator over real HTTP with real v5 signatures. */
class OkxAdapterIT extends EmulatorSupport {

    private static final ExchangeId OKX = ExchangeId.OKX;
    private OkxAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new OkxAdapter(properties, guards());
        account = emulator.addAccount(OKX);
    }

    @Test
    void readsTradingFundingAndSimpleEarnWithExactDecimals() {
        account.setBalance(Wallet.SPOT, "BTC", dec("0.123456789012345678"), dec("0.5"))
                .setBalance(Wallet.FUNDING, "BTC", dec("1"), dec("0"))
                .setBalance(Wallet.EARN_FLEXIBLE, "BTC", dec("2.000000000000000001"), dec("0"))
                .setBalance(Wallet.FUNDING, "usdt", dec("10.5"), dec("0.25"))
                .setBalance(Wallet.SPOT, "ETH", dec("0"), dec("0"));

        AccountSnapshot snapshot = adapter.fetch(credentials(account));

        assertThat(snapshot.isPartial()).isFalse();
        Map<String, Balance> byAsset = snapshot.balances().stream().collect(Collectors.toMap(Balance::asset, Function.identity()));
        assertThat(byAsset).containsOnlyKeys("BTC", "USDT");
        Balance btc = byAsset.get("BTC");
        assertThat(btc.total()).isEqualTo(dec("3.623456789012345679"));
        assertThat(btc.locked()).isEqualTo(dec("2.500000000000000001"));
        assertThat(btc.wallets()).containsExactlyInAnyOrderEntriesOf(Map.of(
                io.coinsphere.exchangesync.exchange.Wallet.SPOT, dec("0.623456789012345678"),
                io.coinsphere.exchangesync.exchange.Wallet.FUNDING, dec("1"),
                io.coinsphere.exchangesync.exchange.Wallet.EARN, dec("2.000000000000000001")));
        assertThat(byAsset.get("USDT").total()).isEqualTo(dec("10.75"));
        assertThat(byAsset.get("USDT").available()).isEqualTo(dec("10.5"));
    }

    @Test
    void aFailingSecondaryWalletMakesThePartialSnapshotKeepItsAmounts() {
        account.setBalance(Wallet.SPOT, "BTC", dec("1"), dec("0")).setBalance(Wallet.EARN_FLEXIBLE, "ETH", dec("3"), dec("0"));
        emulator.failPath(OKX, OkxAdapter.FUNDING, Failure.serverError(503));
        try {
            AccountSnapshot snapshot = adapter.fetch(credentials(account));
            assertThat(snapshot.isPartial()).isTrue();
            assertThat(snapshot.keptWallets()).containsExactly(io.coinsphere.exchangesync.exchange.Wallet.FUNDING);
            assertThat(snapshot.balances()).extracting(Balance::asset).containsExactlyInAnyOrder("BTC", "ETH");
        } finally {
            emulator.failPath(OKX, OkxAdapter.FUNDING, null);
        }
        emulator.failPath(OKX, OkxAdapter.TRADING, Failure.serverError(503));
        try {
            assertThat(failureOf(adapter, credentials(account))).isInstanceOf(ExchangeUnavailable.class);
        } finally {
            emulator.failPath(OKX, OkxAdapter.TRADING, null);
        }
    }

    @Test
    void everyWayAKeyFailsHasItsReason() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(OKX);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), good.passphrase())))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), "wrong-passphrase")))
                .isEqualTo(Reason.BAD_PASSPHRASE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);
        account.grant(Permission.READ).blockOurIp(true);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.IP_NOT_ALLOWED);
        account.blockOurIp(false);

        emulator.removeAccount(OKX, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(adapter.fetchBalances(good)).isEmpty();
    }

    @Test
    void skewedClocksAreCorrectedEitherWay() {
        for (Duration skew : List.of(Duration.ofSeconds(90), Duration.ofSeconds(-90))) {
            emulator.setClockSkew(OKX, skew);
            try {
                assertThat(new OkxAdapter(properties, guards()).fetchBalances(credentials(account))).as(skew.toString()).isEmpty();
            } finally {
                emulator.setClockSkew(OKX, Duration.ZERO);
            }
        }
    }

    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(OKX, Duration.ofSeconds(90));
        emulator.setReportedTimeError(OKX, Duration.ofSeconds(-90));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(OKX, account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(OKX, Duration.ZERO);
            emulator.setReportedTimeError(OKX, Duration.ZERO);
        }
    }

    @Test
    void permissionsAreVerified() {
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, false, false));
        account.grant(Permission.TRADE);
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, true, false));
        account.grant(Permission.WITHDRAW);
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, true, true));
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(OKX, account.apiKey(), 1, Failure.serverError(502));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("502");

        emulator.failNext(OKX, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("in time");

        emulator.failNext(OKX, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(3)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    /** The default budget keeps one key under OKX's 10 trading-balance reads per 2 s: no 50011 from the real limit. */
    @Test
    void theDefaultBudgetStaysUnderTheLimit() {
        ExchangesProperties budgeted = properties(ExchangesProperties.Budget.defaults(OKX));
        OkxAdapter limited = new OkxAdapter(budgeted, new ExchangeGuards(budgeted));
        emulator.setRateLimit(OKX, 10, Duration.ofSeconds(2));
        try {
            long rejectedBefore = emulator.rateLimitRejections(OKX);
            for (int i = 0; i < 8; i++) {
                limited.fetchBalances(credentials(account));
            }
            assertThat(emulator.rateLimitRejections(OKX)).isEqualTo(rejectedBefore);
        } finally {
            emulator.disableRateLimit(OKX);
        }
    }
}
