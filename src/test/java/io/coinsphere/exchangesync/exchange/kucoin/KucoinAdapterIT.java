package io.coinsphere.exchangesync.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.Wallet;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.SignedAdapterCases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KucoinAdapterIT extends SignedAdapterCases {

    private static final ExchangeId KUCOIN = ExchangeId.KUCOIN;

    /** KuCoin: a 10 s skew is past its 5 s window; a pool of 2000 requests per 30 s. */
    KucoinAdapterIT() {
        super(Profile.of(KUCOIN, KucoinAdapter::new, Duration.ofSeconds(10), new ExchangeLimit(2000, Duration.ofSeconds(30), 10))
                .reportingAWrongSecretAs(Reason.BAD_PASSPHRASE));
    }

    @Test
    void mergesMainAndTradeAccountsExactly() {
        account.setBalance(Wallet.FUNDING, "USDT", dec("10.000000000000000001"), dec("0"))
                .setBalance(Wallet.SPOT, "USDT", dec("5"), dec("0.5"))
                .setBalance(Wallet.SPOT, "BTC", dec("0.000000000000000001"), dec("0"))
                .setBalance(Wallet.FUNDING, "ETH", dec("0"), dec("0"));

        assertThat(adapter.fetchBalances(credentials(account))).containsExactly(
                new Balance("BTC", dec("0.000000000000000001"), dec("0.000000000000000001"), dec("0")),
                new Balance("USDT", dec("15.500000000000000001"), dec("15.000000000000000001"), dec("0.5"),
                        Map.of(io.coinsphere.exchangesync.exchange.Wallet.FUNDING, dec("10.000000000000000001"),
                                io.coinsphere.exchangesync.exchange.Wallet.SPOT, dec("5.5"))));
    }

    /** A missing or wrong passphrase, and a key of API version 1 (we sign as version 2 keys require). */
    @Test
    void passphrasesAndKeyVersions() {
        ApiCredentials good = credentials(account);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), "wrong"))).isEqualTo(Reason.BAD_PASSPHRASE);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), null))).isEqualTo(Reason.BAD_PASSPHRASE);
        account.setKeyVersion(1);
        assertThat(reasonOf(adapter, good)).isEqualTo(Reason.KEY_VERSION);
    }
}
