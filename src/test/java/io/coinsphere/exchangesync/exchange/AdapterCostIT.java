package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Wallet;
import io.coinsphere.exchangesync.exchange.binance.BinanceAdapter;
import io.coinsphere.exchangesync.exchange.coinbase.CoinbaseAdapter;
import io.coinsphere.exchangesync.exchange.kraken.KrakenAdapter;
import io.coinsphere.exchangesync.exchange.kucoin.KucoinAdapter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.binance.BinanceExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rough client-side CPU per balance fetch (signing, rescu, HTTP client, JSON), measured on the
 * calling thread only so the in-process emulator's work is not counted. The bound is loose: it
 * catches a regression to per-call XChange setup, not small drifts.
 */
class AdapterCostIT extends EmulatorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterCostIT.class);
    private static final int WARMUP = 300;
    private static final int MEASURED = 1_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void clientCpuPerFetchIsWellUnderTheBudget() {
        measure(new BinanceAdapter(properties), withTenAssets(emulator.addAccount(ExchangeId.BINANCE), "BTC"));
        measure(new CoinbaseAdapter(properties), withTenAssets(emulator.addAccount(ExchangeId.COINBASE), "BTC"));
        measure(new KrakenAdapter(properties), withTenAssets(emulator.addAccount(ExchangeId.KRAKEN), "XXBT"));
        EmulatedAccount kucoin = withTenAssets(emulator.addAccount(ExchangeId.KUCOIN), "BTC");
        kucoin.setBalance(Wallet.FUNDING, "USDT", dec("1"), dec("0"));
        measure(new KucoinAdapter(properties), kucoin);

        // What an XChange exchange built per call would add (proxies, reflection), for comparison.
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < 200; i++) {
            ExchangeFactory.INSTANCE.createExchange(XChangeSupport.specification(BinanceExchange.class, ExchangeId.BINANCE, properties));
        }
        LOG.info("XChange BinanceExchange built per call: {} us CPU each", (THREADS.getCurrentThreadCpuTime() - cpu) / 200 / 1_000);
    }

    private static void measure(ExchangeAdapter adapter, EmulatedAccount account) {
        ApiCredentials credentials = credentials(account);
        for (int i = 0; i < WARMUP; i++) {
            adapter.fetchBalances(credentials);
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        List<Balance> last = null;
        for (int i = 0; i < MEASURED; i++) {
            last = adapter.fetchBalances(credentials);
        }
        long cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu) / MEASURED / 1_000;
        long wallMicros = (System.nanoTime() - wall) / MEASURED / 1_000;
        LOG.info("{}: {} us client CPU, {} us wall per fetch ({} assets)", adapter.exchange().displayName(), cpuMicros, wallMicros, last.size());
        assertThat(last).isNotEmpty();
        assertThat(cpuMicros).as("client CPU per %s fetch", adapter.exchange()).isLessThan(3_000);
    }

    private static EmulatedAccount withTenAssets(EmulatedAccount account, String first) {
        account.setBalance(first, dec("1.000000000000000001"), dec("0.5"));
        for (String asset : List.of("ETH", "USDT", "ADA", "DOT", "SOL", "XRP", "LTC", "LINK", "ATOM")) {
            account.setBalance(asset, dec("12.345678"), dec("0"));
        }
        return account;
    }
}
