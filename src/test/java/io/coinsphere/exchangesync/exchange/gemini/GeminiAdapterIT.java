package io.coinsphere.exchangesync.exchange.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyFormatRejected;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Gemini adapter against the emulator over real HTTP with real HMAC-SHA384 payload signatures. */
class GeminiAdapterIT extends EmulatorSupport {

    private static final ExchangeId GEMINI = ExchangeId.GEMINI;
    private static final io.coinsphere.exchangesync.emulator.Wallet STAKING = io.coinsphere.exchangesync.emulator.Wallet.STAKED;
    /** Shared by every adapter of the test, as the database's high-water mark is shared by every instance. */
    private static final GeminiNonces NONCES = GeminiNonces.inMemory();
    private GeminiAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new GeminiAdapter(properties, guards(), NONCES);
        account = emulator.addAccount(GEMINI);
    }

    @Test
    void readsExchangeAndStakingBalancesWithExactDecimals() {
        account.setBalance("BTC", dec("0.750000000000000001"), dec("0.25"))
                .setBalance("USD", dec("0"), dec("0")).setBalance(STAKING, "ETH", dec("2.5"), dec("0"))
                .setBalance(STAKING, "BTC", dec("0.1"), dec("0"));
        emulator.resetCounters();

        AccountSnapshot snapshot = adapter.fetch(credentials(account));

        assertThat(snapshot.isPartial()).isFalse();
        assertThat(snapshot.balances()).containsExactly(
                new Balance("BTC", dec("1.100000000000000001"), dec("0.750000000000000001"), dec("0.35"),
                        Map.of(Wallet.SPOT, dec("1.000000000000000001"), Wallet.STAKED, dec("0.1"))),
                new Balance("ETH", dec("2.5"), dec("0"), dec("2.5"), Map.of(Wallet.STAKED, dec("2.5"))));
        assertThat(emulator.requestCount(GEMINI, account.apiKey())).as("balances and staking").isEqualTo(2);
    }

    @Test
    void stakingFailingKeepsItsAmountsAndWarns() {
        account.setBalance("BTC", dec("1"), dec("0"));
        emulator.failPath(GEMINI, GeminiAdapter.STAKING, Failure.serverError(503));
        try {
            AccountSnapshot snapshot = adapter.fetch(credentials(account));
            assertThat(snapshot.keptWallets()).containsExactly(Wallet.STAKED);
            assertThat(snapshot.warnings()).singleElement().asString().contains("staking");
            assertThat(snapshot.balances()).containsExactly(new Balance("BTC", dec("1"), dec("1"), dec("0")));
        } finally {
            emulator.failPath(GEMINI, GeminiAdapter.STAKING, null);
        }
    }

    @Test
    void rolesAreVerified() {
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, false, false));
        account.grant(Permission.TRADE);
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, true, false));
        account.grant(Permission.WITHDRAW);
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, true, true));
    }

    @Test
    void masterKeysAreRefusedBeforeAnyCall() {
        emulator.resetCounters();
        assertThatThrownBy(() -> adapter.checkFormat(
                new ApiCredentials("master-ABCDEFGHIJ0123456789", "secret0123456789secret0123", null)))
                .isInstanceOfSatisfying(KeyFormatRejected.class, e -> assertThat(e.field()).isEqualTo("apiKey"))
                .hasMessageContaining("account-level");
        assertThat(adapter.checkFormat(new ApiCredentials(" " + account.apiKey() + " ", account.apiSecret(), null)).apiKey())
                .isEqualTo(account.apiKey());
        assertThat(emulator.requestCount(GEMINI)).isZero();
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(GEMINI);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), null))).isEqualTo(Reason.BAD_SIGNATURE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);
        account.grant(Permission.READ);

        emulator.removeAccount(GEMINI, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    /** Nonces are seconds on Gemini's clock: a skewed server is measured and followed, either way. */
    @Test
    void skewedClocksAreCorrectedEitherWay() {
        for (Duration skew : List.of(Duration.ofSeconds(120), Duration.ofSeconds(-120))) {
            emulator.setClockSkew(GEMINI, skew);
            try {
                EmulatedAccount fresh = emulator.addAccount(GEMINI);
                assertThat(new GeminiAdapter(properties, guards(), GeminiNonces.inMemory()).fetchBalances(credentials(fresh)))
                        .as(skew.toString()).isEmpty();
            } finally {
                emulator.setClockSkew(GEMINI, Duration.ZERO);
            }
        }
    }

    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(GEMINI, Duration.ofSeconds(120));
        emulator.setReportedTimeError(GEMINI, Duration.ofSeconds(-120));
        try {
            emulator.resetCounters();
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(GEMINI, account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(GEMINI, Duration.ZERO);
            emulator.setReportedTimeError(GEMINI, Duration.ZERO);
        }
    }

    /** A nonce below one Gemini saw (another program used the key) is retried once with a fresh, higher one. */
    @Test
    void aConcurrentHigherNonceIsOvertakenByTheRetry() {
        GeminiNonces behind = (key, now) -> now - 20;
        GeminiAdapter lagging = new GeminiAdapter(properties, guards(), new GeminiNonces() {
            private int calls;

            @Override
            public synchronized long next(String apiKey, long nowSeconds) {
                return ++calls == 1 ? behind.next(apiKey, nowSeconds) : NONCES.next(apiKey, nowSeconds + 5);
            }
        });
        adapter.fetchBalances(credentials(account)); // Gemini now holds a nonce near now
        assertThat(lagging.fetchBalances(credentials(account))).isEmpty();
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(GEMINI, account.apiKey(), 1, Failure.serverError(502));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("502");

        emulator.failNext(GEMINI, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("could not read");

        emulator.failNext(GEMINI, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        emulator.failNext(GEMINI, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(3)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    /**
     * The default budget keeps one key far under Gemini's 10 requests per second (a decaying counter in the emulator)
     * and its second-based nonces within Gemini's 30 s window: eight requests in a row are all accepted.
     */
    @Test
    void theDefaultBudgetStaysUnderTheLimitAndTheNonceWindow() {
        ExchangesProperties budgeted = properties(ExchangesProperties.Budget.defaults(GEMINI));
        GeminiAdapter limited = new GeminiAdapter(budgeted, new ExchangeGuards(budgeted), NONCES);
        emulator.setRateLimit(GEMINI, 10, Duration.ofSeconds(1));
        try {
            long rejectedBefore = emulator.rateLimitRejections(GEMINI);
            for (int i = 0; i < 4; i++) {
                limited.fetchBalances(credentials(account)); // two requests each: a burst of 5, then one per second
            }
            assertThat(emulator.rateLimitRejections(GEMINI)).isEqualTo(rejectedBefore);
        } finally {
            emulator.disableRateLimit(GEMINI);
        }
    }
}
