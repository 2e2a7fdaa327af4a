package io.coinsphere.exchangesync.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Permission;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.EmulatorSupport;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.Wallet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceAdapterIT extends EmulatorSupport {

    private static final ExchangeId BINANCE = ExchangeId.BINANCE;
    private static final String LOCKED_EARN = "/sapi/v1/simple-earn/locked/position";
    private BinanceAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new BinanceAdapter(properties, guards());
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

    /** Point 1: spot + funding + Simple Earn flexible and locked (paginated), kept apart per wallet. */
    @Test
    void readsEveryWalletWithItsBreakdown() {
        account.setBalance("BTC", dec("1"), dec("0.5"))
                .setBalance(io.coinsphere.exchangesync.emulator.Wallet.FUNDING, "BTC", dec("0.25"), dec("0.000000000000000001"))
                .setBalance(io.coinsphere.exchangesync.emulator.Wallet.EARN_FLEXIBLE, "USDT", dec("75.46"), dec("0"))
                .setBalance(io.coinsphere.exchangesync.emulator.Wallet.EARN_LOCKED, "USDT", dec("100"), dec("0"))
                .setBalance(io.coinsphere.exchangesync.emulator.Wallet.EARN_LOCKED, "AXS", dec("122.09202928"), dec("0"));
        // More positions than one page of 100 holds.
        for (int i = 0; i < 130; i++) {
            account.setBalance(io.coinsphere.exchangesync.emulator.Wallet.EARN_FLEXIBLE, "C" + i, dec("0.0" + (i + 1)), dec("0"));
        }

        AccountSnapshot snapshot = adapter.fetch(credentials(account));

        assertThat(snapshot.warnings()).isEmpty();
        assertThat(snapshot.balances()).hasSize(133);
        assertThat(snapshot.balances()).contains(
                new Balance("BTC", dec("1.750000000000000001"), dec("1.25"), dec("0.500000000000000001"),
                        Map.of(Wallet.SPOT, dec("1.5"), Wallet.FUNDING, dec("0.250000000000000001"))),
                new Balance("USDT", dec("175.46"), dec("0"), dec("175.46"), Map.of(Wallet.EARN, dec("175.46"))),
                new Balance("AXS", dec("122.09202928"), dec("0"), dec("122.09202928"), Map.of(Wallet.EARN, dec("122.09202928"))),
                new Balance("C129", dec("0.0130"), dec("0"), dec("0.0130"), Map.of(Wallet.EARN, dec("0.0130"))));
    }

    /** Point 1: a failing secondary wallet makes the fetch partial; spot is still read. */
    @Test
    void failingEarnWalletIsPartialAndKept() {
        account.setBalance("BTC", dec("2"), dec("0"))
                .setBalance(io.coinsphere.exchangesync.emulator.Wallet.EARN_LOCKED, "ETH", dec("3"), dec("0"));
        emulator.failPath(BINANCE, LOCKED_EARN, Failure.serverError(503));
        try {
            AccountSnapshot snapshot = adapter.fetch(credentials(account));
            assertThat(snapshot.keptWallets()).containsExactly(Wallet.EARN);
            assertThat(snapshot.warnings()).singleElement().asString().contains("Simple Earn").contains("kept");
            assertThat(snapshot.balances()).extracting(Balance::asset).containsExactly("BTC");
        } finally {
            emulator.failPath(BINANCE, LOCKED_EARN, null);
        }
    }

    @Test
    void earnIsReadAtMostEveryEarnRefresh() {
        BinanceAdapter hourly = new BinanceAdapter(properties(UNLIMITED).withBinanceEarnRefresh(Duration.ofHours(1)), guards());
        account.setBalance(io.coinsphere.exchangesync.emulator.Wallet.EARN_LOCKED, "ETH", dec("3"), dec("0"));
        assertThat(hourly.fetch(credentials(account)).keptWallets()).isEmpty();
        AccountSnapshot second = hourly.fetch(credentials(account));
        assertThat(second.keptWallets()).containsExactly(Wallet.EARN);
        assertThat(second.warnings()).as("a skipped wallet is not a failure").isEmpty();
    }

    /** Point 2. */
    @Test
    void reportsTheKeysPermissions() {
        ApiCredentials creds = credentials(account);
        assertThat(adapter.checkPermissions(creds)).isEqualTo(KeyPermissions.verified(true, false, false));
        account.grant(Permission.TRADE);
        assertThat(adapter.checkPermissions(creds)).isEqualTo(KeyPermissions.verified(true, true, false));
        account.grant(Permission.WITHDRAW);
        assertThat(adapter.checkPermissions(creds)).isEqualTo(KeyPermissions.verified(true, true, true));
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(BINANCE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), null))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(adapter, new ApiCredentials("not-a-binance-key", good.apiSecret(), null))).isEqualTo(Reason.UNKNOWN_KEY);

        account.blockOurIp(true);
        assertThat(failureOf(adapter, good)).hasMessageContaining("trusted IPs");
        account.blockOurIp(false);

        account.revoke(Permission.READ);
        assertThat(failureOf(adapter, good)).hasMessageContaining("Enable Reading");

        emulator.removeAccount(BINANCE, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    /** Point 3: a skewed exchange clock is measured and corrected; no request is rejected. */
    @Test
    void skewedClockIsCorrected() {
        emulator.setClockSkew(BINANCE, Duration.ofSeconds(-10));
        try {
            account.setBalance("BTC", dec("1"), dec("0"));
            assertThat(adapter.fetchBalances(credentials(account))).extracting(Balance::asset).containsExactly("BTC");
        } finally {
            emulator.setClockSkew(BINANCE, Duration.ZERO);
        }
    }

    /** Point 3/5: when the correction cannot work, the request is retried once, then reported as clock skew. */
    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(BINANCE, Duration.ofSeconds(-10));
        emulator.setReportedTimeError(BINANCE, Duration.ofSeconds(10));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(BINANCE, account.apiKey())).as("first try + one retry").isEqualTo(2);
        } finally {
            emulator.setClockSkew(BINANCE, Duration.ZERO);
            emulator.setReportedTimeError(BINANCE, Duration.ZERO);
        }
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.serverError(503));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("503");

        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class);

        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        // Last: a rate limit pauses Binance for this guard.
        emulator.failNext(BINANCE, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(7)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    /** Point 5: a 418 IP ban is a rate limit with the ban's length, not a key problem. */
    @Test
    void ipBanIsRateLimitedUntilItEnds() {
        emulator.banIp(Duration.ofSeconds(42));
        try {
            assertThat(failureOf(adapter, credentials(account))).isInstanceOfSatisfying(RateLimited.class, e -> {
                assertThat(e.getMessage()).contains("banned");
                assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(41), Duration.ofSeconds(42));
            });
        } finally {
            emulator.banIp(Duration.ZERO);
        }
    }
}
