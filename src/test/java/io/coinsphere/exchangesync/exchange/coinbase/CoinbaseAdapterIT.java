package io.coinsphere.exchangesync.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.SignedAdapterCases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoinbaseAdapterIT extends SignedAdapterCases {

    private static final ExchangeId COINBASE = ExchangeId.COINBASE;

    /** Coinbase Exchange: a 60 s skew is past its 30 s window; 15 requests per second per profile; no permission API. */
    CoinbaseAdapterIT() {
        super(Profile.of(COINBASE, CoinbaseAdapter::new, Duration.ofSeconds(60), new ExchangeLimit(15, Duration.ofSeconds(1), 30))
                .withoutPermissionApi());
    }

    @Test
    void readsExactBalancesAndDropsZeros() {
        account.setBalance("BTC", dec("0.750000000000000001"), dec("0.25"))
                .setBalance("USD", dec("0"), dec("0"));

        assertThat(adapter.fetchBalances(credentials(account))).containsExactly(
                new Balance("BTC", dec("1.000000000000000001"), dec("0.750000000000000001"), dec("0.25")));
    }

    /** The passphrase is signed with the secret: a wrong or missing one is its own reason, as is a secret that is no key. */
    @Test
    void aWrongPassphraseOrASecretThatIsNoKey() {
        ApiCredentials good = credentials(account);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), "wrong-passphrase")))
                .isEqualTo(Reason.BAD_PASSPHRASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), null))).isEqualTo(Reason.BAD_PASSPHRASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), "not base64 !", good.passphrase())))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }
}
