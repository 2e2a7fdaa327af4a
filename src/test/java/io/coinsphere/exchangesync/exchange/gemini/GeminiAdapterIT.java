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
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyFormatRejected;
import io.coinsphere.exchangesync.exchange.SignedAdapterCases;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Gemini adapter against the emulator over real HTTP with real HMAC-SHA384 payload signatures. */
class GeminiAdapterIT extends SignedAdapterCases {

    private static final ExchangeId GEMINI = ExchangeId.GEMINI;
    private static final io.coinsphere.exchangesync.emulator.Wallet STAKING = io.coinsphere.exchangesync.emulator.Wallet.STAKED;
    /** Shared by every adapter of the test, as the database's high-water mark is shared by every instance. */
    private static final GeminiNonces NONCES = GeminiNonces.inMemory();

    /**
     * Gemini: nonces are seconds on its clock, accepted within 30 s of it; 10 requests per second per key (a decaying
     * counter in the emulator): four fetches of two requests, a burst of 5 and then one per second, also keep the
     * nonces within that window. The emulated Gemini has no IP allowlist.
     */
    GeminiAdapterIT() {
        super(Profile.of(GEMINI, (properties, guards) -> new GeminiAdapter(properties, guards, NONCES), Duration.ofSeconds(120),
                new ExchangeLimit(10, Duration.ofSeconds(1), 4)).withoutAddressAllowlist());
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
}
