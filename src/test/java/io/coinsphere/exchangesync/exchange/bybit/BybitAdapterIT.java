package io.coinsphere.exchangesync.exchange.bybit;

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

/** The Bybit adapter against the emulator over real HTTP with real v5 signatures. */
class BybitAdapterIT extends EmulatorSupport {

    private static final ExchangeId BYBIT = ExchangeId.BYBIT;
    private BybitAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new BybitAdapter(properties, guards());
        account = emulator.addAccount(BYBIT);
    }

    @Test
    void readsUnifiedAndFundingWithExactDecimals() {
        account.setBalance(Wallet.SPOT, "BTC", dec("0.123456789012345678"), dec("0.5"))
                .setBalance(Wallet.FUNDING, "BTC", dec("1.000000000000000001"), dec("0.25"))
                .setBalance(Wallet.FUNDING, "usdt", dec("10.5"), dec("0"))
                .setBalance(Wallet.SPOT, "ETH", dec("0"), dec("0"));

        AccountSnapshot snapshot = adapter.fetch(credentials(account));

        assertThat(snapshot.isPartial()).isFalse();
        Map<String, Balance> byAsset = snapshot.balances().stream().collect(Collectors.toMap(Balance::asset, Function.identity()));
        assertThat(byAsset).containsOnlyKeys("BTC", "USDT");
        Balance btc = byAsset.get("BTC");
        assertThat(btc.total()).isEqualTo(dec("1.873456789012345679"));
        assertThat(btc.locked()).isEqualTo(dec("0.75"));
        assertThat(btc.available()).isEqualTo(dec("1.123456789012345679"));
        assertThat(btc.wallets()).containsExactlyInAnyOrderEntriesOf(Map.of(
                io.coinsphere.exchangesync.exchange.Wallet.SPOT, dec("0.623456789012345678"),
                io.coinsphere.exchangesync.exchange.Wallet.FUNDING, dec("1.250000000000000001")));
        assertThat(byAsset.get("USDT").total()).isEqualTo(dec("10.5"));
    }

    @Test
    void aFailingFundingAccountMakesThePartialSnapshotKeepItsAmounts() {
        account.setBalance(Wallet.SPOT, "BTC", dec("1"), dec("0")).setBalance(Wallet.FUNDING, "ETH", dec("3"), dec("0"));
        emulator.failPath(BYBIT, BybitAdapter.FUNDING, Failure.serverError(503));
        try {
            AccountSnapshot snapshot = adapter.fetch(credentials(account));
            assertThat(snapshot.isPartial()).isTrue();
            assertThat(snapshot.keptWallets()).containsExactly(io.coinsphere.exchangesync.exchange.Wallet.FUNDING);
            assertThat(snapshot.balances()).extracting(Balance::asset).containsExactly("BTC");
        } finally {
            emulator.failPath(BYBIT, BybitAdapter.FUNDING, null);
        }
        emulator.failPath(BYBIT, BybitAdapter.UNIFIED, Failure.serverError(503));
        try {
            assertThat(failureOf(adapter, credentials(account))).isInstanceOf(ExchangeUnavailable.class);
        } finally {
            emulator.failPath(BYBIT, BybitAdapter.UNIFIED, null);
        }
    }

    @Test
    void everyWayAKeyFailsHasItsReason() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(BYBIT);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), null))).isEqualTo(Reason.BAD_SIGNATURE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);
        account.grant(Permission.READ).blockOurIp(true);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.IP_NOT_ALLOWED);
        account.blockOurIp(false);

        emulator.removeAccount(BYBIT, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(adapter.fetchBalances(good)).isEmpty();
    }

    /** Bybit's window is lopsided (5 s behind, 1 s ahead): both directions are corrected from its clock. */
    @Test
    void skewedClocksAreCorrectedEitherWay() {
        for (Duration skew : List.of(Duration.ofSeconds(90), Duration.ofSeconds(-90), Duration.ofMillis(-2_500))) {
            emulator.setClockSkew(BYBIT, skew);
            try {
                assertThat(new BybitAdapter(properties, guards()).fetchBalances(credentials(account))).as(skew.toString()).isEmpty();
            } finally {
                emulator.setClockSkew(BYBIT, Duration.ZERO);
            }
        }
    }

    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(BYBIT, Duration.ofSeconds(90));
        emulator.setReportedTimeError(BYBIT, Duration.ofSeconds(-90));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(BYBIT, account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(BYBIT, Duration.ZERO);
            emulator.setReportedTimeError(BYBIT, Duration.ZERO);
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
        emulator.failNext(BYBIT, account.apiKey(), 1, Failure.serverError(502));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("502");

        emulator.failNext(BYBIT, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("in time");

        emulator.failNext(BYBIT, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(3)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    /** Bybit's own limit answers HTTP 200 with retCode 10006 and a reset time in milliseconds: a wait of at most that. */
    @Test
    void theRealLimitsResetTimestampBecomesTheWait() {
        ExchangesProperties unbudgeted = properties(new ExchangesProperties.Budget(1_000L, 1_000L, Duration.ofSeconds(1), true));
        BybitAdapter eager = new BybitAdapter(unbudgeted, new ExchangeGuards(unbudgeted));
        emulator.setRateLimit(BYBIT, 1, Duration.ofSeconds(2));
        try {
            assertThat(eager.fetchBalances(credentials(account))).isEmpty();
            assertThat(failureOf(eager, credentials(account))).isInstanceOfSatisfying(RateLimited.class,
                    e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2)));
        } finally {
            emulator.disableRateLimit(BYBIT);
        }
    }

    /** Over the limit per address Bybit answers 403 "access too frequent" and blocks the address for 10 minutes. */
    @Test
    void anAddressOverItsLimitIsBlockedForTenMinutes() {
        ExchangesProperties unbudgeted = properties(new ExchangesProperties.Budget(1_000L, 1_000L, Duration.ofSeconds(1), true));
        BybitAdapter eager = new BybitAdapter(unbudgeted, new ExchangeGuards(unbudgeted));
        long rejectedBefore = emulator.rateLimitRejections(BYBIT);
        emulator.setBybitAddressLimit(3, Duration.ofSeconds(30));
        try {
            assertThat(eager.fetchBalances(credentials(account))).isEmpty(); // server time, unified, funding
            assertThat(failureOf(eager, credentials(account))).isInstanceOfSatisfying(RateLimited.class,
                    e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10))).hasMessageContaining("403");
            assertThat(emulator.rateLimitRejections(BYBIT)).isEqualTo(rejectedBefore + 1);
            // Every key waits for the block to end, not only the one that got the 403: no request is sent.
            EmulatedAccount another = emulator.addAccount(BYBIT);
            assertThat(failureOf(eager, credentials(another))).isInstanceOf(RateLimited.class);
            assertThat(emulator.requestCount(BYBIT, another.apiKey())).isZero();
        } finally {
            emulator.setBybitAddressLimit(600, Duration.ofSeconds(5));
        }
    }

    /** The default budget keeps one key under 2 calls per endpoint per second: no 10006 from the real limit. */
    @Test
    void theDefaultBudgetStaysUnderTheLimit() {
        ExchangesProperties budgeted = properties(ExchangesProperties.Budget.defaults(BYBIT));
        BybitAdapter limited = new BybitAdapter(budgeted, new ExchangeGuards(budgeted));
        emulator.setRateLimit(BYBIT, 2, Duration.ofSeconds(1));
        try {
            long rejectedBefore = emulator.rateLimitRejections(BYBIT);
            for (int i = 0; i < 3; i++) {
                limited.fetchBalances(credentials(account));
            }
            assertThat(emulator.rateLimitRejections(BYBIT)).isEqualTo(rejectedBefore);
        } finally {
            emulator.disableRateLimit(BYBIT);
        }
    }
}
