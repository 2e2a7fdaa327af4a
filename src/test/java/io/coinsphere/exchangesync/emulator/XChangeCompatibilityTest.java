package io.coinsphere.exchangesync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.coinbasepro.CoinbaseProExchange;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.dto.account.AccountInfo;
import org.knowm.xchange.dto.account.Balance;
import org.knowm.xchange.dto.account.Wallet;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kucoin.KucoinExchange;
import si.mazi.rescu.HttpStatusIOException;

/** The emulator answers in shapes XChange 5.2.2 parses, and rejects what the real exchanges reject. */
class XChangeCompatibilityTest {

    static ExchangeEmulator emu;

    @BeforeAll
    static void start() {
        emu = ExchangeEmulator.start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void binanceAccountInfo() throws Exception {
        EmulatedAccount account = emu.addAccount(ExchangeId.BINANCE)
                .setBalance("BTC", new BigDecimal("1.5"), new BigDecimal("0.25"));

        AccountInfo info = xchange(BinanceExchange.class, account).getAccountService().getAccountInfo();

        Balance btc = info.getWallet().getBalance(Currency.BTC);
        assertThat(btc.getTotal()).isEqualByComparingTo("1.75");
        assertThat(btc.getAvailable()).isEqualByComparingTo("1.5");
    }

    @Test
    void krakenAccountInfoCallsTradeBalanceThenBalance() throws Exception {
        EmulatedAccount account = emu.addAccount(ExchangeId.KRAKEN)
                .setBalance("XXBT", new BigDecimal("1.2500000001"), BigDecimal.ZERO);

        AccountInfo info = xchange(KrakenExchange.class, account).getAccountService().getAccountInfo();

        assertThat(info.getWallets().values().stream().map(Wallet::getBalances).flatMap(m -> m.values().stream()))
                .anySatisfy(b -> assertThat(b.getTotal()).isEqualByComparingTo("1.2500000001"));
        assertThat(emu.requestCount(ExchangeId.KRAKEN, account.apiKey())).isEqualTo(2);
    }

    @Test
    void coinbaseAccountInfo() throws Exception {
        EmulatedAccount account = emu.addAccount(ExchangeId.COINBASE)
                .setBalance("BTC", new BigDecimal("0.75"), new BigDecimal("0.25"));

        AccountInfo info = xchange(CoinbaseProExchange.class, account).getAccountService().getAccountInfo();

        assertThat(info.getWallet().getBalance(Currency.BTC).getTotal()).isEqualByComparingTo("1.0");
    }

    @Test
    void kucoinAsXChangeSignsItIsRejectedLikeByTheRealExchange() {
        EmulatedAccount account = emu.addAccount(ExchangeId.KUCOIN)
                .setBalance("USDT", BigDecimal.TEN, BigDecimal.ZERO);

        // XChange 5.2.2 sends the passphrase in plain text and no KC-API-KEY-VERSION.
        assertThatThrownBy(() -> xchange(KucoinExchange.class, account).getAccountService().getAccountInfo())
                .isInstanceOfSatisfying(HttpStatusIOException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(401);
                    assertThat(e.getHttpBody()).contains("\"code\":\"400008\"");
                });
    }

    private static Exchange xchange(Class<? extends Exchange> type, EmulatedAccount account) {
        ExchangeSpecification spec = new ExchangeSpecification(type);
        spec.setSslUri(emu.baseUrl(account.exchange()).toString());
        spec.setHost("127.0.0.1");
        spec.setApiKey(account.apiKey());
        spec.setSecretKey(account.apiSecret());
        spec.setShouldLoadRemoteMetaData(false);
        if (account.passphrase() != null) {
            spec.setExchangeSpecificParametersItem("passphrase", account.passphrase());
        }
        return ExchangeFactory.INSTANCE.createExchange(spec);
    }

}
