package io.coinsphere.exchangesync.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Wallet;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.SignedAdapterCases;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OKX adapter against the emulator over real HTTP with real v5 signatures. */
class OkxAdapterIT extends SignedAdapterCases {

    private static final ExchangeId OKX = ExchangeId.OKX;

    /** OKX: a 90 s skew is past its 30 s window; 10 trading-balance reads per 2 s per key. */
    OkxAdapterIT() {
        super(Profile.of(OKX, OkxAdapter::new, Duration.ofSeconds(90), new ExchangeLimit(10, Duration.ofSeconds(2), 8))
                .failingUnreadableAnswersAs(Unreadable.GATEWAY));
    }

    @Test
    void readsTradingFundingAndSimpleEarnWithExactDecimals() {
        account.setBalance(Wallet.SPOT, "BTC", dec("0.123456789012345678"), dec("0.5"))
                .setBalance(Wallet.FUNDING, "BTC", dec("1"), dec("0"))
                .setBalance(Wallet.EARN_FLEXIBLE, "BTC", dec("2.000000000000000001"), dec("0"))
                .setBalance(Wallet.FUNDING, "usdt", dec("10.5"), dec("0.25"))
                .setBalance(Wallet.SPOT, "ETH", dec("0"), dec("0"));

        AccountSnapshot snapshot = adapter.fetch(credentials(account));

        assertThat(snapshot.isPartial()).isFalse();
        Map<String, Balance> byAsset = snapshot.balances().stream().collect(Collectors.toMap(Balance::asset, Function.identity()));
        assertThat(byAsset).containsOnlyKeys("BTC", "USDT");
        Balance btc = byAsset.get("BTC");
        assertThat(btc.total()).isEqualTo(dec("3.623456789012345679"));
        assertThat(btc.locked()).isEqualTo(dec("2.500000000000000001"));
        assertThat(btc.wallets()).containsExactlyInAnyOrderEntriesOf(Map.of(
                io.coinsphere.exchangesync.exchange.Wallet.SPOT, dec("0.623456789012345678"),
                io.coinsphere.exchangesync.exchange.Wallet.FUNDING, dec("1"),
                io.coinsphere.exchangesync.exchange.Wallet.EARN, dec("2.000000000000000001")));
        assertThat(byAsset.get("USDT").total()).isEqualTo(dec("10.75"));
        assertThat(byAsset.get("USDT").available()).isEqualTo(dec("10.5"));
    }

    @Test
    void aFailingSecondaryWalletMakesThePartialSnapshotKeepItsAmounts() {
        account.setBalance(Wallet.SPOT, "BTC", dec("1"), dec("0")).setBalance(Wallet.EARN_FLEXIBLE, "ETH", dec("3"), dec("0"));
        emulator.failPath(OKX, OkxAdapter.FUNDING, Failure.serverError(503));
        try {
            AccountSnapshot snapshot = adapter.fetch(credentials(account));
            assertThat(snapshot.isPartial()).isTrue();
            assertThat(snapshot.keptWallets()).containsExactly(io.coinsphere.exchangesync.exchange.Wallet.FUNDING);
            assertThat(snapshot.balances()).extracting(Balance::asset).containsExactlyInAnyOrder("BTC", "ETH");
        } finally {
            emulator.failPath(OKX, OkxAdapter.FUNDING, null);
        }
        emulator.failPath(OKX, OkxAdapter.TRADING, Failure.serverError(503));
        try {
            assertThat(failureOf(adapter, credentials(account))).isInstanceOf(ExchangeUnavailable.class);
        } finally {
            emulator.failPath(OKX, OkxAdapter.TRADING, null);
        }
    }

    @Test
    void aWrongPassphraseIsItsOwnReason() {
        ApiCredentials good = credentials(account);
        assertThat(reasonOf(adapter, new ApiCredentials(good.apiKey(), good.apiSecret(), "wrong-passphrase")))
                .isEqualTo(Reason.BAD_PASSPHRASE);
    }
}
