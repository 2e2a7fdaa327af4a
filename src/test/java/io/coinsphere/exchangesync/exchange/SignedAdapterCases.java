package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Permission;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cases every signed adapter passes against the emulator over real HTTP with real signatures: an empty account,
 * each way a key fails, skewed clocks, permissions, transient failures and the default budget. A subclass per
 * exchange says how to build its adapter and what differs (clock window, limit), and adds its own balance cases.
 */
public abstract class SignedAdapterCases extends EmulatorSupport {

    /** The limit the emulator enforces and how many fetches the default budget must get through it untouched. */
    public record ExchangeLimit(long requests, Duration per, int fetches) {
    }

    protected ExchangeAdapter adapter;
    protected EmulatedAccount account;

    protected abstract ExchangeId id();

    protected abstract ExchangeAdapter newAdapter(ExchangesProperties properties, ExchangeGuards guards);

    /** A skew past the exchange's time window, so that only a measured clock gets the request through. */
    protected abstract Duration skewBeyondWindow();

    protected abstract ExchangeLimit limit();

    /** Whether the exchange reports a key's permissions. */
    protected boolean verifiesPermissions() {
        return true;
    }

    /** Whether the emulated exchange can restrict a key to IP addresses. */
    protected boolean restrictsAddresses() {
        return true;
    }

    /** What the failure of an answer that is not JSON says. */
    protected String unreadableAnswerSays() {
        return "could not read";
    }

    /** Whether an answer that is not JSON counts against the exchange's circuit breaker (read as a gateway's error). */
    protected boolean unreadableAnswerIsAnOutage() {
        return false;
    }

    @BeforeEach
    void newAdapterAndAccount() {
        adapter = newAdapter(properties, guards());
        account = emulator.addAccount(id());
    }

    @Test
    void emptyAccountIsNoBalancesNotAnError() {
        assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
    }

    @Test
    void everyWayAKeyFailsHasItsReason() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(id());
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), good.passphrase())))
                .isEqualTo(Reason.BAD_SIGNATURE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);
        account.grant(Permission.READ);
        if (restrictsAddresses()) {
            account.blockOurIp(true);
            assertThat(reasonOf(adapter, good)).isEqualTo(Reason.IP_NOT_ALLOWED);
            account.blockOurIp(false);
        }

        emulator.removeAccount(id(), other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(adapter.fetchBalances(good)).isEmpty();
    }

    /** A fresh key for each skew: a nonce or token taken on one clock must not decide the next. */
    @Test
    void skewedClocksAreCorrectedEitherWay() {
        for (Duration skew : new Duration[] {skewBeyondWindow(), skewBeyondWindow().negated()}) {
            emulator.setClockSkew(id(), skew);
            try {
                EmulatedAccount fresh = emulator.addAccount(id());
                assertThat(newAdapter(properties, guards()).fetchBalances(credentials(fresh))).as(skew.toString()).isEmpty();
            } finally {
                emulator.setClockSkew(id(), Duration.ZERO);
            }
        }
    }

    @Test
    void uncorrectableClockIsClockSkewAfterOneRetry() {
        emulator.setClockSkew(id(), skewBeyondWindow());
        emulator.setReportedTimeError(id(), skewBeyondWindow().negated());
        try {
            emulator.resetCounters();
            assertThat(reasonOf(adapter, credentials(account))).isEqualTo(Reason.CLOCK_SKEW);
            assertThat(emulator.requestCount(id(), account.apiKey())).isEqualTo(2);
        } finally {
            emulator.setClockSkew(id(), Duration.ZERO);
            emulator.setReportedTimeError(id(), Duration.ZERO);
        }
    }

    @Test
    void permissionsAreVerifiedWhereTheExchangeReportsThem() {
        if (!verifiesPermissions()) {
            KeyPermissions permissions = adapter.checkPermissions(credentials(account));
            assertThat(permissions.verified()).isFalse();
            assertThat(permissions.note()).contains(id().displayName() + " has no API to list");
            return;
        }
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, false, false));
        account.grant(Permission.TRADE);
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, true, false));
        account.grant(Permission.WITHDRAW);
        assertThat(adapter.checkPermissions(credentials(account))).isEqualTo(KeyPermissions.verified(true, true, true));
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(id(), account.apiKey(), 1, Failure.serverError(502));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("502");

        emulator.failNext(id(), account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        emulator.failNext(id(), account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(3)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void anAnswerThatIsNotJsonIsRetriedLater() {
        emulator.failNext(id(), account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, credentials(account))).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isEqualTo(unreadableAnswerIsAnOutage())).hasMessageContaining(unreadableAnswerSays());
        assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
    }

    /** The exchange's own limit, in the emulator, never answers a key that keeps to the default budget. */
    @Test
    void theDefaultBudgetStaysUnderTheLimit() {
        ExchangesProperties budgeted = properties(ExchangesProperties.Budget.defaults(id()));
        ExchangeAdapter limited = newAdapter(budgeted, new ExchangeGuards(budgeted));
        emulator.setRateLimit(id(), limit().requests(), limit().per());
        try {
            long rejectedBefore = emulator.rateLimitRejections(id());
            for (int i = 0; i < limit().fetches(); i++) {
                limited.fetchBalances(credentials(account));
            }
            assertThat(emulator.rateLimitRejections(id())).isEqualTo(rejectedBefore);
        } finally {
            emulator.disableRateLimit(id());
        }
    }
}
