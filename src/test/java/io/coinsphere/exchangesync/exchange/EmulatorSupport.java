package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base for adapter integration tests: one exchange emulator over real HTTP per test class, and
 * properties pointing every exchange at it with a short read timeout so timeout tests stay fast.
 */
public abstract class EmulatorSupport {

    /** Short, so a held request times out quickly; the emulator holds "timeouts" longer than this. */
    protected static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    protected static final Duration HOLD_LONGER_THAN_TIMEOUT = Duration.ofSeconds(5);

    protected static ExchangeEmulator emulator;
    protected static ExchangesProperties properties;

    @BeforeAll
    static void startEmulator() {
        // The JDK HTTP server leaves Nagle on: with the client's delayed ACK every answer waits ~40 ms.
        // Real exchanges do not; read once when the server classes load, so set before the first start.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        emulator = ExchangeEmulator.start();
        // Adapter behaviour is tested here, not budgets: both sides are unlimited unless a test says otherwise.
        for (ExchangeId id : ExchangeId.values()) {
            emulator.disableRateLimit(id);
        }
        properties = properties(UNLIMITED);
    }

    /** A budget no test reaches. */
    protected static final ExchangesProperties.Budget UNLIMITED =
            new ExchangesProperties.Budget(1_000_000_000L, 1_000_000_000L, Duration.ofSeconds(1), false);

    /** Properties pointing at the emulator with {@code budget} for every exchange and earn read on every fetch. */
    protected static ExchangesProperties properties(ExchangesProperties.Budget budget) {
        Map<ExchangeId, ExchangesProperties.Endpoint> endpoints = new EnumMap<>(ExchangeId.class);
        for (ExchangeId id : ExchangeId.values()) {
            endpoints.put(id, endpoint(id, budget));
        }
        return ExchangesProperties.of(Duration.ofSeconds(1), READ_TIMEOUT, endpoints);
    }

    /** Fresh guards: no pause, breaker or budget carried over from another test. */
    protected static ExchangeGuards guards() {
        return new ExchangeGuards(properties);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private static ExchangesProperties.Endpoint endpoint(ExchangeId id, ExchangesProperties.Budget budget) {
        return new ExchangesProperties.Endpoint(emulator.baseUrl(id), budget, Duration.ZERO);
    }

    protected static ApiCredentials credentials(EmulatedAccount account) {
        return new ApiCredentials(account.apiKey(), account.apiSecret(), account.passphrase());
    }

    protected static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** The failure a fetch threw; fails the test if it threw anything else or nothing. */
    protected static ExchangeFailure failureOf(ExchangeAdapter adapter, ApiCredentials credentials) {
        Throwable thrown = catchThrowable(() -> adapter.fetchBalances(credentials));
        assertThat(thrown).isInstanceOf(ExchangeFailure.class);
        return (ExchangeFailure) thrown;
    }

    protected static CredentialsRejected.Reason reasonOf(ExchangeAdapter adapter, ApiCredentials credentials) {
        ExchangeFailure failure = failureOf(adapter, credentials);
        assertThat(failure).isInstanceOf(CredentialsRejected.class);
        assertThat(failure.getMessage()).doesNotContain(credentials.apiSecret());
        if (credentials.passphrase() != null) {
            assertThat(failure.getMessage()).doesNotContain(credentials.passphrase());
        }
        return ((CredentialsRejected) failure).reason();
    }
}
