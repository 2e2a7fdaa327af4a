package io.coinsphere.exchangesync.exchange.kraken;

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
import io.coinsphere.exchangesync.exchange.Wallet;
import java.time.Duration;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KrakenAdapterIT extends EmulatorSupport {

    private static final ExchangeId KRAKEN = ExchangeId.KRAKEN;
    private KrakenAdapter adapter;
    private EmulatedAccount account;

    @BeforeEach
    void setUp() {
        adapter = new KrakenAdapter(properties, guards(), KrakenNonces.inMemory());
        account = emulator.addAccount(KRAKEN);
    }

    @Test
    void mapsKrakenCodesFoldsStakedBalancesAndKeepsUnknownOnes() {
        account.setBalance("XXBT", dec("1.5"), dec("0"))
                .setBalance("XBT.M", dec("0.000000000000000001"), dec("0"))
                .setBalance("DOT", dec("10"), dec("0"))
                .setBalance("DOT.S", dec("5.123456789012345678"), dec("0"))
                .setBalance("ZUSD", dec("100.5"), dec("0"))
                .setBalance("XXDG", dec("42"), dec("0"))
                .setBalance("NEWCOIN", dec("3"), dec("0"))
                .setBalance("ZEUR", dec("0.0000"), dec("0"));

        assertThat(adapter.fetchBalances(credentials(account))).containsExactly(
                new Balance("BTC", dec("1.500000000000000001"), dec("1.5"), dec("0.000000000000000001"),
                        Map.of(Wallet.SPOT, dec("1.5"), Wallet.EARN, dec("0.000000000000000001"))),
                new Balance("DOGE", dec("42"), dec("42"), dec("0")),
                new Balance("DOT", dec("15.123456789012345678"), dec("10"), dec("5.123456789012345678"),
                        Map.of(Wallet.SPOT, dec("10"), Wallet.STAKED, dec("5.123456789012345678"))),
                new Balance("NEWCOIN", dec("3"), dec("3"), dec("0")),
                new Balance("USD", dec("100.5"), dec("100.5"), dec("0")));
    }

    @Test
    void needsOnlyTheFundsQueryPermission() {
        account.revoke(Permission.QUERY_TRADES).setBalance("XETH", dec("2"), dec("0"));
        assertThat(adapter.fetchBalances(credentials(account))).extracting(Balance::asset).containsExactly("ETH");
    }

    @Test
    void credentialErrors() {
        ApiCredentials good = credentials(account);
        EmulatedAccount other = emulator.addAccount(KRAKEN);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), other.apiSecret(), null))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), "not base64 !", null))).isEqualTo(Reason.BAD_SIGNATURE);

        account.revoke(Permission.READ);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.MISSING_PERMISSION);

        emulator.removeAccount(KRAKEN, other.apiKey());
        assertThat(reasonOf(adapter, credentials(other))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void transientFailures() {
        ApiCredentials creds = credentials(account);
        emulator.failNext(KRAKEN, account.apiKey(), 1, Failure.serverError(520));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("520");

        emulator.failNext(KRAKEN, account.apiKey(), 1, Failure.malformedJson());
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class);

        emulator.failNext(KRAKEN, account.apiKey(), 1, Failure.timeout(HOLD_LONGER_THAN_TIMEOUT));
        assertThat(failureOf(adapter, creds)).isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");

        assertThat(adapter.fetchBalances(creds)).isEmpty();

        emulator.failNext(KRAKEN, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(9)));
        assertThat(failureOf(adapter, creds)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(9)));
    }

    /** The emulator, like Kraken, rejects any nonce not above the last accepted one for the key. */
    @Test
    void concurrentSyncsOfOneKeyNeverRepeatOrReorderNonces() throws Exception {
        account.setBalance("XXBT", dec("1"), dec("0"));
        ApiCredentials creds = credentials(account);
        // A second instance sharing the nonce store, as two connections of one key in one process.
        KrakenNonces shared = KrakenNonces.inMemory();
        adapter = new KrakenAdapter(properties, guards(), shared);
        KrakenAdapter secondConnection = new KrakenAdapter(properties, guards(), shared);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Balance>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                KrakenAdapter which = i % 2 == 0 ? adapter : secondConnection;
                results.add(pool.submit((Callable<List<Balance>>) () -> which.fetchBalances(creds)));
            }
            for (Future<List<Balance>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).extracting(Balance::asset).containsExactly("BTC");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(emulator.requestCount(KRAKEN, account.apiKey())).isEqualTo(200);
    }
}
