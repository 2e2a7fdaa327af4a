package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Account {@code i} of the benchmark, derived from a seed so that the emulator JVM and the benchmark
 * JVM agree on every key without talking: exchange {@code i % 4}, credentials in the exchange's format.
 * Not secret material: the keys exist only in the emulator of one run.
 */
record BenchAccounts(long seed, int assets) {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> SYMBOLS = List.of("BTC", "ETH", "USDT", "USDC", "SOL", "ADA", "XRP", "DOT", "DOGE",
            "LTC", "LINK", "AVAX", "ATOM", "XLM", "TRX", "BCH", "ETC", "FIL", "UNI", "AAVE");

    /** One account: where it lives and its credentials (passphrase null where the exchange has none). */
    record Account(int index, ExchangeId exchange, String apiKey, String apiSecret, String passphrase) {
    }

    /**
     * The exchanges the benchmark spreads its accounts over, in turn. Coinbase with CDP keys is left out: its
     * keys are ECDSA key pairs, not strings a seed can make, and the mix stays the one earlier runs measured.
     */
    static final List<ExchangeId> EXCHANGES = List.of(ExchangeId.BINANCE, ExchangeId.COINBASE, ExchangeId.KRAKEN, ExchangeId.KUCOIN);

    /** Accounts from here on belong to the budget phase, which spreads them over {@link #BUDGET_EXCHANGES}. */
    static final int BUDGET_BASE = 100_000_000;

    /** Every exchange whose keys a seed can make: the budget phase checks each one's budget against its limit. */
    static final List<ExchangeId> BUDGET_EXCHANGES = Arrays.stream(ExchangeId.values())
            .filter(id -> id != ExchangeId.COINBASE_ADVANCED).toList();

    /** How many accounts the budget phase uses ({@code bench.budget.connections} per exchange). */
    static int budgetAccounts() {
        return Integer.getInteger("bench.budget.connections", 40) * BUDGET_EXCHANGES.size();
    }

    Account account(int index) {
        ExchangeId exchange = index >= BUDGET_BASE ? BUDGET_EXCHANGES.get((index - BUDGET_BASE) % BUDGET_EXCHANGES.size())
                : EXCHANGES.get(index % EXCHANGES.size());
        Random random = new Random(seed * 1_000_003L + index);
        return switch (exchange) {
            case BINANCE -> new Account(index, exchange, alphanumeric(random, 64), alphanumeric(random, 64), null);
            case KRAKEN -> new Account(index, exchange, base64(random, 42), base64(random, 64), null);
            case COINBASE -> new Account(index, exchange, hex(random, 16), base64(random, 64),
                    alphanumeric(random, 11).toLowerCase(Locale.ROOT));
            case KUCOIN -> new Account(index, exchange, hex(random, 12), new UUID(random.nextLong(), random.nextLong()).toString(),
                    alphanumeric(random, 12));
            case OKX -> new Account(index, exchange, new UUID(random.nextLong(), random.nextLong()).toString(),
                    hex(random, 16).toUpperCase(Locale.ROOT), alphanumeric(random, 12));
            case BYBIT -> new Account(index, exchange, alphanumeric(random, 18), alphanumeric(random, 36), null);
            case BITSTAMP -> new Account(index, exchange, alphanumeric(random, 32), alphanumeric(random, 32), null);
            case GEMINI -> new Account(index, exchange, "account-" + alphanumeric(random, 20), alphanumeric(random, 28), null);
            case COINBASE_ADVANCED -> throw new IllegalStateException("not in the benchmark mix");
        };
    }

    /** The j-th asset symbol: common coins first, then made-up ones when K exceeds the list. */
    static String symbol(int j) {
        return j < SYMBOLS.size() ? SYMBOLS.get(j) : "TK" + j;
    }

    /** A stable, non-trivial balance, so the first sync inserts K rows and later ones find them unchanged. */
    static BigDecimal amount(int index, int j) {
        return BigDecimal.valueOf(index % 997 + 1).add(BigDecimal.valueOf(j + 1, 3));
    }

    private static String alphanumeric(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static String base64(Random random, int bytes) {
        return Base64.getEncoder().encodeToString(bytes(random, bytes));
    }

    private static String hex(Random random, int bytes) {
        return HexFormat.of().formatHex(bytes(random, bytes));
    }

    private static byte[] bytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
