package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.CdpKeyMaterial;
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
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Coinbase (CDP key) adapter against the emulator over real HTTP with real JWTs. */
class CoinbaseAdvancedAdapterIT extends EmulatorSupport {

    private static final ExchangeId CDP = ExchangeId.COINBASE_ADVANCED;
    private CoinbaseAdvancedAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new CoinbaseAdvancedAdapter(properties, guards());
        account = emulator.addAccount(CDP);
    }

    @Test
    void readsEveryAccountAcrossPagesWithExactDecimals() {
        account.setBalance("BTC", dec("0.750000000000000001"), dec("0.25")).setBalance("USD", dec("0"), dec("0"));
        for (int i = 0; i < 600; i++) {
            account.setBalance(String.format("T%03d", i), dec("0.00000001").multiply(BigDecimal.valueOf(i + 1)), BigDecimal.ZERO);
        }
        emulator.resetCounters();

        List<Balance> balances = adapter.fetchBalances(credentials(account));

        assertThat(balances).hasSize(601).contains(
                new Balance("BTC", dec("1.000000000000000001"), dec("0.750000000000000001"), dec("0.25")),
                new Balance("T599", dec("0.00000600"), dec("0.00000600"), dec("0")));
        assertThat(emulator.requestCount(CDP, account.apiKey())).as("602 accounts in pages of 250").isEqualTo(3);
    }

    @Test
    void everyFormOfTheKeyWorks() {
        account.setBalance("ETH", dec("2"), dec("0"));
        String pem = account.apiSecret();
        for (String secret : List.of(pem.replace("\n", "\\n"), CdpKeyMaterial.toPkcs8Pem(pem), CdpKeyMaterial.oneLine(pem))) {
            assertThat(adapter.fetchBalances(new ApiCredentials(account.apiKey(), secret, null))).as(secret)
                    .containsExactly(new Balance("ETH", dec("2"), dec("2"), dec("0")));
        }
        String ed25519 = CdpKeyMaterial.newEd25519Base64();
        EmulatedAccount ed = emulator.addAccount(CDP, CdpKeyMaterial.newKeyName(), ed25519, null).setBalance("SOL", dec("3"), dec("1"));
        for (String secret : List.of(ed25519, CdpKeyMaterial.ed25519SeedOnly(ed25519))) {
            assertThat(adapter.fetchBalances(new ApiCredentials(ed.apiKey(), secret, null)))
                    .containsExactly(new Balance("SOL", dec("4"), dec("3"), dec("1")));
        }
    }

    @Test
    void emptyAccountListIsNoBalancesNotAnError() {
        assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(CDP);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), null))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), "not a key", null))).isEqualTo(Reason.BAD_SIGNATURE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);

        account.grant(Permission.READ).blockOurIp(true);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.IP_NOT_ALLOWED);
        account.blockOurIp(false);

        emulator.removeAccount(CDP, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void skewedClocksAreCorrectedEitherWay() {
        for (Duration skew : List.of(Duration.ofSeconds(200), Duration.ofSeconds(-200))) {
            emulator.setClockSkew(CDP, skew);
            try {
                assertThat(new CoinbaseAdvancedAdapter(properties, guards()).fetchBalances(credentials(account))).as(skew.toString()).isEmpty();
            } finally {
                emulator.setClockSkew(CDP, Duration.ZERO);
            }
        }
    }

    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(CDP, Duration.ofSeconds(200));
        emulator.setReportedTimeError(CDP, Duration.ofSeconds(-200));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(CDP, account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(CDP, Duration.ZERO);
            emulator.setReportedTimeError(CDP, Duration.ZERO);
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
        emulator.failNext(CDP, account.apiKey(), 1, Failure.serverError(502));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("502");

        emulator.failNext(CDP, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("could not read");

        emulator.failNext(CDP, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        emulator.failNext(CDP, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(3)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    /** The default budget keeps one key under Coinbase's 30 requests per second: no 429 from the real limit. */
    @Test
    void theDefaultBudgetStaysUnderTheLimitOfThirtyPerSecond() {
        ExchangesProperties budgeted = properties(ExchangesProperties.Budget.defaults(CDP));
        CoinbaseAdvancedAdapter limited = new CoinbaseAdvancedAdapter(budgeted, new ExchangeGuards(budgeted));
        emulator.setRateLimit(CDP, 30, Duration.ofSeconds(1));
        try {
            long rejectedBefore = emulator.rateLimitRejections(CDP);
            for (int i = 0; i < 60; i++) {
                limited.fetchBalances(credentials(account));
            }
            assertThat(emulator.rateLimitRejections(CDP)).isEqualTo(rejectedBefore);
        } finally {
            emulator.disableRateLimit(CDP);
        }
    }
}
