package io.coinsphere.exchangesync.exchange;

import io.coinsphere.exchangesync.exchange.ExchangesProperties.Budget;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of the exchanges we can sync: one entry holds every fact about an exchange that is not code (its
 * id, name, whether keys have a passphrase, its production base URL and its default rate budget). Everything else
 * is found from here: the adapter by {@link ExchangeAdapter#exchange()}, the emulator profile, demo account and
 * documentation section by the checks of {@code ExchangeRegistryTest}; see "Adding an exchange" in docs/exchanges.md.
 */
public enum ExchangeId {
    // 6000 weight per minute and IP: burst 1000 + 4800 per minute stays under it in any window.
    BINANCE("binance", "Binance", false, "https://api.binance.com",
            new Budget(1000L, 4800L, Duration.ofMinutes(1), false)),
    /** Coinbase Exchange (the former Coinbase Pro): HMAC keys with a passphrase, for institutional accounts. */
    // 15 requests per second per profile (burst 30).
    COINBASE("coinbase", "Coinbase Exchange", true, "https://api.exchange.coinbase.com",
            new Budget(10L, 10L, Duration.ofSeconds(1), true)),
    // A per-key counter of 15 (starter tier) that decays by 0.33 per second.
    KRAKEN("kraken", "Kraken", false, "https://api.kraken.com",
            new Budget(10L, 1L, Duration.ofSeconds(4), true)),
    // 2000 per 30 s pool.
    KUCOIN("kucoin", "KuCoin", true, "https://api.kucoin.com",
            new Budget(500L, 1000L, Duration.ofSeconds(30), true)),
    /** Coinbase as its app and Advanced Trade users have it: CDP keys (key name and private key). */
    // 30 requests per second per key: burst 15 + 15 per second stays under it in any second.
    COINBASE_ADVANCED("coinbase-advanced", "Coinbase", false, "https://api.coinbase.com",
            new Budget(15L, 15L, Duration.ofSeconds(1), true)),
    /** OKX v5: HMAC keys with a passphrase. */
    // Per user id: trading balance 10 / 2 s (the tightest of the calls), funding and savings 6 / s, config 5 / 2 s.
    // Burst 5 + 5 per 2 s keeps every endpoint under its own limit in any window.
    OKX("okx", "OKX", true, "https://www.okx.com",
            new Budget(5L, 5L, Duration.ofSeconds(2), true)),
    /** Bybit v5: HMAC keys (system-generated), no passphrase. */
    // Per UID and endpoint, per second (account and asset reads from a few to 50 / s); also 600 requests per 5 s per
    // address, which only many keys behind one address reach.
    // Burst 1 + 1 per second: at most 2 calls of a key in any second, under every endpoint's own limit.
    BYBIT("bybit", "Bybit", false, "https://api.bybit.com",
            new Budget(1L, 1L, Duration.ofSeconds(1), true)),
    // 400 requests per second and 10,000 per 10 minutes, per address (Bitstamp bans the IP): burst 300 + 9000 per
    // 10 minutes stays under both in any window.
    BITSTAMP("bitstamp", "Bitstamp", false, "https://www.bitstamp.net",
            new Budget(300L, 9000L, Duration.ofMinutes(10), false)),
    // 600 private requests per minute per key (10 per second). Far less: nonces are seconds (keys with time-based
    // nonces need them within 30 s of Gemini's clock) and rise by one per request, so a key sustaining more than one
    // request per second would run ahead of the clock; burst 5 + 1 per second keeps them within a few seconds.
    GEMINI("gemini", "Gemini", false, "https://api.gemini.com",
            new Budget(5L, 1L, Duration.ofSeconds(1), true));

    private final String id;
    private final String displayName;
    private final boolean requiresPassphrase;
    private final URI defaultBaseUrl;
    private final Budget defaultBudget;

    ExchangeId(String id, String displayName, boolean requiresPassphrase, String defaultBaseUrl, Budget defaultBudget) {
        this.id = id;
        this.displayName = displayName;
        this.requiresPassphrase = requiresPassphrase;
        this.defaultBaseUrl = URI.create(defaultBaseUrl);
        this.defaultBudget = defaultBudget;
    }

    /** The production REST base URL, used unless {@code coinsphere.exchanges.<id>.base-url} says otherwise. */
    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /**
     * A budget that stays under the exchange's documented limit, with the bucket's burst counted in, and where the
     * exchange counts it ({@link Budget#perKey()}).
     */
    public Budget defaultBudget() {
        return defaultBudget;
    }

    /** The lower-case id used in the API and stored in {@code exchange_connections.exchange}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean requiresPassphrase() {
        return requiresPassphrase;
    }

    public static Optional<ExchangeId> fromId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst();
    }
}
