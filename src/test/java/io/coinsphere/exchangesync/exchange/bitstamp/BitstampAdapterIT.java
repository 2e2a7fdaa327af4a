package io.coinsphere.exchangesync.exchange.bitstamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.SignedAdapterCases;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Bitstamp adapter against the emulator over real HTTP with real v2 signatures. */
class BitstampAdapterIT extends SignedAdapterCases {

    private static final ExchangeId BITSTAMP = ExchangeId.BITSTAMP;

    /** Bitstamp: a window of 150 s; 400 requests per second per address; no endpoint that lists a key's permissions. */
    BitstampAdapterIT() {
        super(Profile.of(BITSTAMP, BitstampAdapter::new, Duration.ofSeconds(300), new ExchangeLimit(400, Duration.ofSeconds(1), 8))
                .withoutPermissionApi());
    }

    @Test
    void readsEveryCurrencyWithAvailableReservedAndExactDecimals() {
        account.setBalance("BTC", dec("0.750000000000000001"), dec("0.25")).setBalance("EUR", dec("0"), dec("0"))
                .setBalance("LINK", dec("12.5"), dec("0"));
        emulator.resetCounters();

        List<Balance> balances = adapter.fetchBalances(credentials(account));

        // Bitstamp writes currencies in lower case ("btc"); zero balances are dropped.
        assertThat(balances).containsExactly(
                new Balance("BTC", dec("1.000000000000000001"), dec("0.750000000000000001"), dec("0.25")),
                new Balance("LINK", dec("12.5"), dec("12.5"), dec("0")));
        assertThat(adapter.fetch(credentials(account)).balances().get(0).wallets()).containsOnlyKeys(Wallet.SPOT);
        assertThat(emulator.requestCount(BITSTAMP, account.apiKey())).as("one request per fetch").isEqualTo(2);
    }

    @Test
    void aKeyInAnotherShapeIsUnknown() {
        assertThat(reasonOf(adapter, new ApiCredentials("not-a-bitstamp-key!", "secret", null))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    /** Bitstamp's own limit answer is HTTP 400 with response_code 400.002: still a rate limit, not a key error. */
    @Test
    void theExchangesOwnLimitAnswerIsARateLimit() {
        emulator.setRateLimit(BITSTAMP, 2, Duration.ofMinutes(10)); // the clock's ticker read and one fetch
        try {
            adapter.fetchBalances(credentials(account));
            assertThat(failureOf(adapter, credentials(account))).isInstanceOf(RateLimited.class);
        } finally {
            emulator.disableRateLimit(BITSTAMP);
        }
    }

    /**
     * Bitstamp counts per address: the default budget is one bucket for every key, whose burst stays under 400 per
     * second and whose burst plus ten minutes of refill stays under 10,000 per 10 minutes.
     */
    @Test
    void theBudgetIsOneBucketForEveryKeyAndStaysUnderTheDocumentedLimits() {
        ExchangesProperties.Budget defaults = ExchangesProperties.Budget.defaults(BITSTAMP);
        assertThat(defaults.perKey()).isFalse();
        assertThat(defaults.capacity()).isLessThan(400);
        assertThat(defaults.capacity() + defaults.refill() * (Duration.ofMinutes(10).toNanos() / defaults.period().toNanos()))
                .isLessThan(10_000);

        ExchangesProperties small = properties(new ExchangesProperties.Budget(3L, 1L, Duration.ofHours(1), false));
        BitstampAdapter limited = new BitstampAdapter(small, new ExchangeGuards(small));
        EmulatedAccount second = emulator.addAccount(BITSTAMP);
        limited.fetchBalances(credentials(account));
        limited.fetchBalances(credentials(second));
        limited.fetchBalances(credentials(account));
        emulator.resetCounters();
        assertThat(failureOf(limited, credentials(emulator.addAccount(BITSTAMP)))).isInstanceOf(RateLimited.class)
                .hasMessageContaining("budget");
        assertThat(emulator.requestCount(BITSTAMP)).as("refused before any call").isZero();
    }
}
