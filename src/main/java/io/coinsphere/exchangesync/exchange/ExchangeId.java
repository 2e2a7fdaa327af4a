package io.coinsphere.exchangesync.exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The exchanges we can sync, with the facts the API and the page need about each. */
public enum ExchangeId {
    BINANCE("binance", "Binance", false),
    /** Coinbase Exchange (the former Coinbase Pro): HMAC keys with a passphrase, for institutional accounts. */
    COINBASE("coinbase", "Coinbase Exchange", true),
    KRAKEN("kraken", "Kraken", false),
    KUCOIN("kucoin", "KuCoin", true),
    /** Coinbase as its app and Advanced Trade users have it: CDP keys (key name and private key). */
    COINBASE_ADVANCED("coinbase-advanced", "Coinbase", false),
    BITSTAMP("bitstamp", "Bitstamp", false);

    private final String id;
    private final String displayName;
    private final boolean requiresPassphrase;

    ExchangeId(String id, String displayName, boolean requiresPassphrase) {
        this.id = id;
        this.displayName = displayName;
        this.requiresPassphrase = requiresPassphrase;
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
