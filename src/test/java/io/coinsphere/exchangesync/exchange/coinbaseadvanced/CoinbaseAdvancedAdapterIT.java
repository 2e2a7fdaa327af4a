package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.CdpKeyMaterial;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.SignedAdapterCases;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Coinbase (CDP key) adapter against the emulator over real HTTP with real JWTs. */
class CoinbaseAdvancedAdapterIT extends SignedAdapterCases {

    private static final ExchangeId CDP = ExchangeId.COINBASE_ADVANCED;

    /** Coinbase: a token lives 120 s, plus 30 s of leeway; 30 requests per second per key. */
    CoinbaseAdvancedAdapterIT() {
        super(Profile.of(CDP, CoinbaseAdvancedAdapter::new, Duration.ofSeconds(200), new ExchangeLimit(30, Duration.ofSeconds(1), 60)));
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
    void aSecretThatIsNoKeyIsABadSignature() {
        assertThat(reasonOf(adapter, new ApiCredentials(account.apiKey(), "not a key", null))).isEqualTo(Reason.BAD_SIGNATURE);
    }
}
