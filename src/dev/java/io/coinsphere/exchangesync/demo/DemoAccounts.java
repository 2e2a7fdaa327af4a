package io.coinsphere.exchangesync.demo;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo accounts: fixed, published credentials (they open nothing but the built-in emulator)
 * and a small portfolio on each exchange whose balances drift a little over time.
 */
public final class DemoAccounts {

    /** One demo account's credentials, as a user would paste them into the page. */
    public record Demo(ExchangeId exchange, String apiKey, String apiSecret, String passphrase,
            Map<String, String> balances) {
    }

    public static final List<Demo> ALL = List.of(
            new Demo(ExchangeId.BINANCE, "DemoBinanceReadOnlyKey000000000000000000000000000000000000000001",
                    "DemoBinanceSecret00000000000000000000000000000000000000000000001", null,
                    Map.of("BTC", "0.75", "ETH", "4.2", "BNB", "12.5", "USDT", "1520.35")),
            new Demo(ExchangeId.COINBASE, "demo-coinbase-key-0001", "ZGVtby1jb2luYmFzZS1zZWNyZXQtMDAwMDAwMDAwMDAx",
                    "demo-coinbase-passphrase", Map.of("BTC", "0.12", "ETH", "1.5", "USDC", "800")),
            new Demo(ExchangeId.KRAKEN, "demo-kraken-key-0001", "ZGVtby1rcmFrZW4tc2VjcmV0LTAwMDAwMDAwMDAwMDAwMDE=", null,
                    Map.of("XXBT", "0.33", "XETH", "2", "DOT.S", "150", "ZEUR", "250.5")),
            new Demo(ExchangeId.KUCOIN, "demo-kucoin-key-0001", "demo-kucoin-secret-0001", "demo-kucoin-passphrase",
                    Map.of("BTC", "0.05", "SOL", "30", "USDT", "410.2", "GHOST", "12000")),
            // An ECDSA P-256 key made for the emulator only. Published as the base64 body of its SEC1 PEM, which
            // the private key field also accepts, so it fits on one line (and no file holds a PEM header).
            new Demo(ExchangeId.COINBASE_ADVANCED, "organizations/demo-organization/apiKeys/demo-coinbase-key-0001",
                    "MHcCAQEEIEDDEt++MruX9D7YnCBUch7Rv6L6+Tdc4rgppVEXZkc0oAoGCCqGSM49AwEHoUQDQgAESDhbyEOYhTN/9jyDmU/90pz3"
                            + "VceoIJSWEfyIQzFV+feYA8D0FX+tAO9RXqnnqzAP+EvRV4YuSvbpui85jlzNiw==", null,
                    Map.of("BTC", "0.0425", "ETH", "0.8", "USDC", "125.5", "XRP", "310")),
            new Demo(ExchangeId.OKX, "0d3e0000-de00-4000-8000-000000000001", "DE000000000000000000000000000001",
                    "demo-okx-passphrase", Map.of("BTC", "0.21", "OKB", "40", "USDT", "950.75", "TON", "120")),
            new Demo(ExchangeId.BYBIT, "DemoBybitKey000001", "DemoBybitSecret000000000000000000001", null,
                    Map.of("BTC", "0.135", "ETH", "2.4", "USDT", "1820.5", "MNT", "600")),
            new Demo(ExchangeId.BITSTAMP, "DemoBitstampKey00000000000000001", "DemoBitstampSecret00000000000001", null,
                    Map.of("BTC", "0.21", "ETH", "3.1", "EUR", "940.25", "LINK", "75")),
            new Demo(ExchangeId.GEMINI, "account-DemoGeminiKey0000001", "DemoGeminiSecret000000000001", null,
                    Map.of("BTC", "0.09", "ETH", "1.25", "USD", "310.4", "GUSD", "50")));

    private DemoAccounts() {
    }

    /** Registers every demo account with its starting balances. */
    public static void seed(ExchangeEmulator emulator) {
        for (Demo demo : ALL) {
            EmulatedAccount account = emulator.addAccount(demo.exchange(), demo.apiKey(), demo.apiSecret(), demo.passphrase());
            demo.balances().forEach((asset, amount) -> account.setBalance(asset, new BigDecimal(amount), BigDecimal.ZERO));
        }
    }

    /** Moves every demo balance by up to ±1 %, so syncs show changes. */
    public static void drift(ExchangeEmulator emulator) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (Demo demo : ALL) {
            emulator.account(demo.exchange(), demo.apiKey()).ifPresent(account -> demo.balances().keySet().forEach(asset -> {
                BigDecimal start = new BigDecimal(demo.balances().get(asset));
                BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(random.nextInt(-100, 101), 4));
                account.setBalance(asset, start.multiply(factor).setScale(8, RoundingMode.HALF_EVEN), BigDecimal.ZERO);
            }));
        }
    }
}
