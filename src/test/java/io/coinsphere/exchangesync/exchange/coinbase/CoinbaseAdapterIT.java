package io.coinsphere.exchangesync.exchange.coinbase;

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
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoinbaseAdapterIT extends EmulatorSupport {

    private static final ExchangeId COINBASE = ExchangeId.COINBASE;
    private CoinbaseAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new CoinbaseAdapter(properties, guards());
        account = emulator.addAccount(COINBASE);
    }

    @Test
    void readsExactBalancesAndDropsZeros() {
        account.setBalance("BTC", dec("0.750000000000000001"), dec("0.25"))
                .setBalance("USD", dec("0"), dec("0"));

        assertThat(adapter.fetchBalances(credentials(account))).containsExactly(
                new Balance("BTC", dec("1.000000000000000001"), dec("0.750000000000000001"), dec("0.25")));
    }

    @Test
    void emptyAccountListIsNoBalancesNotAnError() {
        assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(COINBASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), "wrong-passphrase")))
                .isEqualTo(Reason.BAD_PASSPHRASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), null))).isEqualTo(Reason.BAD_PASSPHRASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), good.passphrase())))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), "not base64 !", good.passphrase())))
                .isEqualTo(Reason.BAD_SIGNATURE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);

        account.grant(Permission.READ).blockOurIp(true);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.IP_NOT_ALLOWED);
        account.blockOurIp(false);

        emulator.removeAccount(COINBASE, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void skewedClockIsCorrected() {
        emulator.setClockSkew(COINBASE, Duration.ofSeconds(60));
        try {
            assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
        } finally {
            emulator.setClockSkew(COINBASE, Duration.ZERO);
        }
    }

    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(COINBASE, Duration.ofSeconds(60));
        emulator.setReportedTimeError(COINBASE, Duration.ofSeconds(-60));
        try {
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(COINBASE, account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(COINBASE, Duration.ZERO);
            emulator.setReportedTimeError(COINBASE, Duration.ZERO);
        }
    }

    /** Point 2: Coinbase Exchange has no permission endpoint. */
    @Test
    void permissionsAreNotVerifiable() {
        assertThat(adapter.checkPermissions(credentials(account))).satisfies(p -> {
            assertThat(p.verified()).isFalse();
            assertThat(p.note()).contains("no API to list");
        });
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(COINBASE, account.apiKey(), 1, Failure.serverError(502));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("502");

        emulator.failNext(COINBASE, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class);

        emulator.failNext(COINBASE, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        emulator.failNext(COINBASE, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(3)));
        assertThat(failureOf(adapter, creds)).isInstanceOf(RateLimited.class);
    }
}
