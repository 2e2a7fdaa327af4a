package io.coinsphere.exchangesync.exchange.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Wallet;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.SignedAdapterCases;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Bybit adapter against the emulator over real HTTP with real v5 signatures. */
class BybitAdapterIT extends SignedAdapterCases {

    private static final ExchangeId BYBIT = ExchangeId.BYBIT;

    /** Bybit: a 90 s skew is past its 5 s receive window; 2 calls per endpoint per second per key. */
    BybitAdapterIT() {
        super(Profile.of(BYBIT, BybitAdapter::new, Duration.ofSeconds(90), new ExchangeLimit(2, Duration.ofSeconds(1), 3))
                .failingUnreadableAnswersAs(Unreadable.GATEWAY));
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

    /** Bybit's window is lopsided (5 s behind, 1 s ahead): a clock 2.5 s ahead of Bybit's is corrected too. */
    @Test
    void aClockSlightlyAheadOfBybitsIsCorrected() {
        emulator.setClockSkew(BYBIT, Duration.ofMillis(-2_500));
        try {
            assertThat(new BybitAdapter(properties, guards()).fetchBalances(credentials(account))).isEmpty();
        } finally {
            emulator.setClockSkew(BYBIT, Duration.ZERO);
        }
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
}
