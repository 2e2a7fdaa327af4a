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

    /** Builds the adapter under test on the given properties and guards. */
    @FunctionalInterface
    public interface AdapterFactory {
        ExchangeAdapter create(ExchangesProperties properties, ExchangeGuards guards);
    }

    /** What the failure of an answer that is not JSON says, and whether it counts against the circuit breaker. */
    public record Unreadable(String says, boolean outage) {

        /** Our own client reads the body: an unreadable answer, not the exchange's fault as a whole. */
        public static final Unreadable BODY = new Unreadable("could not read", false);
        /** An envelope with no code in it reads as a gateway's error page: an outage. */
        public static final Unreadable GATEWAY = new Unreadable("HTTP 502", true);
    }

    /**
     * What differs between exchanges in these cases: {@code skewBeyondWindow} is a skew past the exchange's time
     * window (so that only a measured clock gets a request through); whether it reports a key's permissions and can
     * restrict a key to addresses; how an answer that is not JSON fails; the reason a secret of another key gets.
     */
    public record Profile(ExchangeId id, AdapterFactory factory, Duration skewBeyondWindow, ExchangeLimit limit,
            boolean verifiesPermissions, boolean restrictsAddresses, Unreadable unreadable,
            Reason wrongSecret) {

        public static Profile of(ExchangeId id, AdapterFactory factory, Duration skewBeyondWindow, ExchangeLimit limit) {
            return new Profile(id, factory, skewBeyondWindow, limit, true, true, Unreadable.BODY, Reason.BAD_SIGNATURE);
        }

        public Profile withoutPermissionApi() {
            return new Profile(id, factory, skewBeyondWindow, limit, false, restrictsAddresses, unreadable,
                    wrongSecret);
        }

        public Profile withoutAddressAllowlist() {
            return new Profile(id, factory, skewBeyondWindow, limit, verifiesPermissions, false, unreadable,
                    wrongSecret);
        }

        public Profile failingUnreadableAnswersAs(Unreadable failure) {
            return new Profile(id, factory, skewBeyondWindow, limit, verifiesPermissions, restrictsAddresses, failure,
                    wrongSecret);
        }

        /** KuCoin signs the passphrase with the secret, so a wrong secret reads as a wrong passphrase there. */
        public Profile reportingAWrongSecretAs(Reason reason) {
            return new Profile(id, factory, skewBeyondWindow, limit, verifiesPermissions, restrictsAddresses, unreadable,
                    reason);
        }
    }

    private final Profile profile;
    protected ExchangeAdapter adapter;
    protected EmulatedAccount account;

    protected SignedAdapterCases(Profile profile) {
        this.profile = profile;
    }

    private ExchangeId id() {
        return profile.id();
    }

    private ExchangeAdapter newAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        return profile.factory().create(properties, guards);
    }

    private Duration skewBeyondWindow() {
        return profile.skewBeyondWindow();
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
                .isEqualTo(profile.wrongSecret());

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);
        account.grant(Permission.READ);
        if (profile.restrictsAddresses()) {
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
        if (!profile.verifiesPermissions()) {
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
                e -> assertThat(e.isRetryAfterStated() ? e.retryAfter() : null)
                        .isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void anAnswerThatIsNotJsonIsRetriedLater() {
        emulator.failNext(id(), account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, credentials(account))).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isEqualTo(profile.unreadable().outage())).hasMessageContaining(profile.unreadable().says());
        assertThat(adapter.fetchBalances(credentials(account))).isEmpty();
    }

    /** The exchange's own limit, in the emulator, never answers a key that keeps to the default budget. */
    @Test
    void theDefaultBudgetStaysUnderTheLimit() {
        ExchangesProperties budgeted = properties(ExchangesProperties.Budget.defaults(id()));
        ExchangeAdapter limited = newAdapter(budgeted, new ExchangeGuards(budgeted));
        emulator.setRateLimit(id(), profile.limit().requests(), profile.limit().per());
        try {
            long rejectedBefore = emulator.rateLimitRejections(id());
            for (int i = 0; i < profile.limit().fetches(); i++) {
                limited.fetchBalances(credentials(account));
            }
            assertThat(emulator.rateLimitRejections(id())).isEqualTo(rejectedBefore);
        } finally {
            emulator.disableRateLimit(id());
        }
    }
}
