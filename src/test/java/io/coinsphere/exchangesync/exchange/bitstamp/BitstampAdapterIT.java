package io.coinsphere.exchangesync.exchange.bitstamp;

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
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bitstamp adapter against the emulator over real HTTP with real v2 signatures. */
class BitstampAdapterIT extends EmulatorSupport {

    private static final ExchangeId BITSTAMP = ExchangeId.BITSTAMP;
    private BitstampAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new BitstampAdapter(properties, guards());
        account = emulator.addAccount(BITSTAMP);
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
    void emptyAccountIsNoBalancesNotAnError() {
        assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(BITSTAMP);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), null))).isEqualTo(Reason.BAD_SIGNATURE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);

        account.grant(Permission.READ).blockOurIp(true);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.IP_NOT_ALLOWED);
        account.blockOurIp(false);

        emulator.removeAccount(BITSTAMP, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reasonOf(adapter, new ApiCredentials("not-a-bitstamp-key!", "secret", null))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void skewedClocksAreCorrectedEitherWay() {
        for (Duration skew : List.of(Duration.ofSeconds(300), Duration.ofSeconds(-300))) {
            emulator.setClockSkew(BITSTAMP, skew);
            try {
                assertThat(new BitstampAdapter(properties, guards()).fetchBalances(credentials(account))).as(skew.toString()).isEmpty();
            } finally {
                emulator.setClockSkew(BITSTAMP, Duration.ZERO);
            }
        }
    }

    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(BITSTAMP, Duration.ofSeconds(300));
        emulator.setReportedTimeError(BITSTAMP, Duration.ofSeconds(-300));
        try {
            emulator.resetCounters();
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(BITSTAMP, account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(BITSTAMP, Duration.ZERO);
            emulator.setReportedTimeError(BITSTAMP, Duration.ZERO);
        }
    }

    /** Bitstamp has no endpoint that lists a key's permissions. */
    @Test
    void permissionsAreNotVerifiable() {
        KeyPermissions permissions = adapter.checkPermissions(credentials(account));
        assertThat(permissions.verified()).isFalse();
        assertThat(permissions.note()).contains("Bitstamp has no API to list");
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(BITSTAMP, account.apiKey(), 1, Failure.serverError(502));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("502");

        emulator.failNext(BITSTAMP, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isFalse()).hasMessageContaining("could not read");

        emulator.failNext(BITSTAMP, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        emulator.failNext(BITSTAMP, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(3)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
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
