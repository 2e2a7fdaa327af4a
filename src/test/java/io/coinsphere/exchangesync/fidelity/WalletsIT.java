package io.coinsphere.exchangesync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Wallet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Point 1 through the service: every wallet is stored with its breakdown; a failing secondary wallet is kept. */
class WalletsIT extends IntegrationTest {

    private static final String LOCKED_EARN = "/sapi/v1/simple-earn/locked/position";

    private static JsonNode holding(ApiClient user, UUID connectionId, String symbol) {
        for (JsonNode holding : user.get("/api/v1/exchanges/connections/" + connectionId).body().get("holdings")) {
            if (holding.get("symbol").asText().equals(symbol)) {
                return holding;
            }
        }
        throw new AssertionError("no " + symbol + " holding");
    }

    @Test
    void binanceSpotFundingAndEarnAreStoredPerWallet() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE)
                .setBalance("BTC", dec("1.5"), dec("0"))
                .setBalance(Wallet.FUNDING, "BTC", dec("0.25"), dec("0"))
                .setBalance(Wallet.EARN_FLEXIBLE, "USDT", dec("75.46"), dec("0"))
                .setBalance(Wallet.EARN_LOCKED, "ETH", dec("2"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        JsonNode btc = holding(user, id, "BTC");
        assertThat(btc.get("total").asText()).isEqualTo("1.75");
        assertThat(btc.get("wallets").get("spot").asText()).isEqualTo("1.5");
        assertThat(btc.get("wallets").get("funding").asText()).isEqualTo("0.25");
        assertThat(holding(user, id, "ETH").get("wallets").get("earn").asText()).isEqualTo("2");
        assertThat(holding(user, id, "ETH").get("locked").asText()).isEqualTo("2");

        JsonNode portfolio = user.get("/api/v1/holdings").body().get("holdings");
        assertThat(portfolio.findValues("symbol")).extracting(JsonNode::asText).contains("BTC", "ETH", "USDT");
        for (JsonNode asset : portfolio) {
            if (asset.get("symbol").asText().equals("BTC")) {
                assertThat(asset.get("wallets").get("funding").asText()).isEqualTo("0.25");
                assertThat(asset.get("connections").get(0).get("wallets").get("spot").asText()).isEqualTo("1.5");
            }
        }
    }

    @Test
    void aFailingEarnWalletIsKeptAndWarnedWhileSpotIsUpdated() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE)
                .setBalance("BTC", dec("1"), dec("0"))
                .setBalance(Wallet.EARN_LOCKED, "ETH", dec("2"), dec("0"))
                .setBalance(Wallet.EARN_LOCKED, "BTC", dec("0.5"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        assertThat(holdings(id)).containsEntry("BTC", dec("1.5")).containsEntry("ETH", dec("2"));

        account.setBalance("BTC", dec("3"), dec("0"));
        EMULATOR.failPath(ExchangeId.BINANCE, LOCKED_EARN, Failure.serverError(503));
        try {
            syncNow(user, id);
        } finally {
            EMULATOR.failPath(ExchangeId.BINANCE, LOCKED_EARN, null);
        }

        assertThat(holdings(id)).as("spot updated, earn kept").containsEntry("BTC", dec("3.5")).containsEntry("ETH", dec("2"));
        assertThat(holding(user, id, "BTC").get("wallets").get("earn").asText()).isEqualTo("0.5");
        assertThat(connectionRow(id)).containsEntry("status", "active");
        assertThat((String) connectionRow(id).get("last_error")).contains("Simple Earn").contains("kept");

        syncNow(user, id);
        assertThat(connectionRow(id).get("last_error")).as("the warning clears when every wallet is read").isNull();
    }

    @Test
    void krakenStakedAndKucoinFundingAreWalletsOfTheirAsset() {
        ApiClient user = newUser();
        EmulatedAccount kraken = account(ExchangeId.KRAKEN)
                .setBalance("DOT", dec("10"), dec("0"))
                .setBalance("DOT.S", dec("5"), dec("0"))
                .setBalance("SOMETHINGNEW.Q", dec("1"), dec("0"));
        UUID krakenId = connect(user, kraken);
        EmulatedAccount kucoin = account(ExchangeId.KUCOIN)
                .setBalance(Wallet.FUNDING, "USDT", dec("10"), dec("0"))
                .setBalance(Wallet.SPOT, "USDT", dec("5"), dec("1"));
        UUID kucoinId = connect(user, kucoin);
        awaitRuns(krakenId, 1);
        awaitRuns(kucoinId, 1);

        JsonNode dot = holding(user, krakenId, "DOT");
        assertThat(dot.get("total").asText()).isEqualTo("15");
        assertThat(dot.get("wallets").get("staked").asText()).isEqualTo("5");
        assertThat(holdings(krakenId)).as("an unknown code is kept under its own name").containsEntry("SOMETHINGNEW.Q", dec("1"));

        JsonNode usdt = holding(user, kucoinId, "USDT");
        assertThat(usdt.get("wallets").get("funding").asText()).isEqualTo("10");
        assertThat(usdt.get("wallets").get("spot").asText()).isEqualTo("6");
    }

    /**
     * One exchange's wallets as the service stores them: {@code balances} set on the emulated account, then the holding
     * of {@code symbol} after the first sync ({@code null} where a figure is not checked) and a check of every holding.
     */
    record WalletCase(String name, ExchangeId exchange, Consumer<EmulatedAccount> balances, String symbol, String total,
            String available, String locked, Map<String, String> wallets, Consumer<Map<String, BigDecimal>> holdings) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<WalletCase> walletCases() {
        return List.of(
                new WalletCase("Bitstamp lists every currency in lower case with available and reserved: one spot wallet,"
                        + " reserved locked", ExchangeId.BITSTAMP,
                        a -> a.setBalance("BTC", dec("0.5"), dec("0.125")).setBalance("EUR", dec("100.25"), dec("0"))
                                .setBalance("XRP", dec("0"), dec("0")),
                        "BTC", "0.625", "0.5", "0.125", Map.of("spot", "0.625"),
                        h -> assertThat(h).as("zero balances are not holdings").containsOnlyKeys("BTC", "EUR")),
                new WalletCase("Gemini: exchange balances are spot (the part on open orders locked), staking balances a"
                        + " staked wallet", ExchangeId.GEMINI,
                        a -> a.setBalance("ETH", dec("1.5"), dec("0.5")).setBalance(Wallet.STAKED, "ETH", dec("32"), dec("0"))
                                .setBalance(Wallet.STAKED, "SOL", dec("10"), dec("0")),
                        "ETH", "34", "1.5", "32.5", Map.of("spot", "2", "staked", "32"),
                        h -> assertThat(h).containsOnlyKeys("ETH", "SOL")),
                new WalletCase("every Coinbase account across pages is spot with its hold locked", ExchangeId.COINBASE_ADVANCED,
                        a -> {
                            a.setBalance("BTC", dec("0.5"), dec("0.125"));
                            for (int i = 0; i < 260; i++) {
                                a.setBalance(String.format("Q%03d", i), dec("1"), dec("0"));
                            }
                        },
                        "BTC", "0.625", "0.5", "0.125", Map.of("spot", "0.625"),
                        h -> assertThat(h).hasSize(261).containsEntry("Q259", dec("1"))),
                new WalletCase("OKX trading, funding and Simple Earn are wallets of their asset", ExchangeId.OKX,
                        a -> a.setBalance(Wallet.SPOT, "BTC", dec("0.5"), dec("0.125"))
                                .setBalance(Wallet.FUNDING, "BTC", dec("0.25"), dec("0"))
                                .setBalance(Wallet.EARN_FLEXIBLE, "BTC", dec("1.000000000000000001"), dec("0")),
                        "BTC", "1.875000000000000001", "0.75", null,
                        Map.of("spot", "0.625", "funding", "0.25", "earn", "1.000000000000000001"), h -> { }),
                new WalletCase("Bybit unified and funding are wallets of their asset", ExchangeId.BYBIT,
                        a -> a.setBalance(Wallet.SPOT, "BTC", dec("0.5"), dec("0.125"))
                                .setBalance(Wallet.FUNDING, "btc", dec("1.000000000000000001"), dec("0.25")),
                        "BTC", "1.875000000000000001", "1.500000000000000001", "0.375",
                        Map.of("spot", "0.625", "funding", "1.250000000000000001"), h -> { }));
    }

    @ParameterizedTest
    @MethodSource("walletCases")
    void eachWalletIsStoredWithItsBreakdown(WalletCase wallets) {
        ApiClient user = newUser();
        EmulatedAccount account = account(wallets.exchange());
        wallets.balances().accept(account);
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        JsonNode holding = holding(user, id, wallets.symbol());
        assertThat(holding.get("total").asText()).isEqualTo(wallets.total());
        assertThat(holding.get("available").asText()).isEqualTo(wallets.available());
        if (wallets.locked() != null) {
            assertThat(holding.get("locked").asText()).isEqualTo(wallets.locked());
        }
        wallets.wallets().forEach((wallet, amount) -> assertThat(holding.get("wallets").get(wallet).asText()).as(wallet).isEqualTo(amount));
        wallets.holdings().accept(holdings(id));
    }
}
