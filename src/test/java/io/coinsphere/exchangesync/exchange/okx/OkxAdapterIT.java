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

    @Override
    protected ExchangeId id() {
        return OKX;
    }

    @Override
    protected ExchangeAdapter newAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        return new OkxAdapter(properties, guards);
    }

    @Override
    protected Duration skewBeyondWindow() {
        return Duration.ofSeconds(90);
    }

    /** OKX: 10 trading-balance reads per 2 s per key. */
    @Override
    protected ExchangeLimit limit() {
        return new ExchangeLimit(10, Duration.ofSeconds(2), 8);
    }

    /** OKX's envelope has no code in a body that is not JSON: read as a gateway's 502. */
    @Override
    protected String unreadableAnswerSays() {
        return "HTTP 502";
    }

    @Override
    protected boolean unreadableAnswerIsAnOutage() {
        return true;
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
