package io.coinsphere.exchangesync.emulator;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API key on one emulated exchange, with its balances per {@link Wallet} and its permissions.
 * Asset codes are the exchange's own ({@code XXBT} on Kraken). Thread-safe; setters return {@code this}.
 * New accounts may {@link Permission#READ} and {@link Permission#QUERY_TRADES}.
 */
public final class EmulatedAccount {

    /** Free (available) and locked (held, in orders) amounts of one asset. */
    record Holding(BigDecimal free, BigDecimal locked) {
        BigDecimal total() {
            return free.add(locked);
        }
    }

    private final ExchangeId exchange;
    private final String apiKey;
    private final String apiSecret;
    private final String passphrase;
    private final Set<Wallet> wallets;
    private final Map<Wallet, ConcurrentSkipListMap<String, Holding>> balances = new EnumMap<>(Wallet.class);
    private final Set<Permission> permissions = ConcurrentHashMap.newKeySet();
    /** Kraken: the last accepted nonce, compared as unsigned 64-bit. */
    private final AtomicLong lastNonce = new AtomicLong();
    private volatile boolean ipBlocked;
    private volatile int keyVersion = 2;

    EmulatedAccount(ExchangeId exchange, String apiKey, String apiSecret, String passphrase, Set<Wallet> wallets) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
        this.passphrase = passphrase;
        this.wallets = Set.copyOf(wallets);
        for (Wallet wallet : wallets) {
            balances.put(wallet, new ConcurrentSkipListMap<>());
        }
        permissions.addAll(EnumSet.of(Permission.READ, Permission.QUERY_TRADES));
    }

    public ExchangeId exchange() {
        return exchange;
    }

    public String apiKey() {
        return apiKey;
    }

    public String apiSecret() {
        return apiSecret;
    }

    /** The plain passphrase (Coinbase, KuCoin), or null. */
    public String passphrase() {
        return passphrase;
    }

    /** Sets a balance in the {@link Wallet#SPOT} wallet. */
    public EmulatedAccount setBalance(String asset, BigDecimal free, BigDecimal locked) {
        return setBalance(Wallet.SPOT, asset, free, locked);
    }

    public EmulatedAccount setBalance(Wallet wallet, String asset, BigDecimal free, BigDecimal locked) {
        Objects.requireNonNull(asset, "asset");
        if (free.signum() < 0 || locked.signum() < 0) {
            throw new IllegalArgumentException("balances cannot be negative");
        }
        wallet(wallet).put(asset, new Holding(free, locked));
        return this;
    }

    /** Removes an asset from the {@link Wallet#SPOT} wallet, as when everything was sold. */
    public EmulatedAccount removeBalance(String asset) {
        return removeBalance(Wallet.SPOT, asset);
    }

    public EmulatedAccount removeBalance(Wallet wallet, String asset) {
        wallet(wallet).remove(asset);
        return this;
    }

    /** Empties every wallet. */
    public EmulatedAccount clearBalances() {
        balances.values().forEach(Map::clear);
        return this;
    }

    public EmulatedAccount grant(Permission... granted) {
        permissions.addAll(Arrays.asList(granted));
        return this;
    }

    public EmulatedAccount revoke(Permission... revoked) {
        permissions.removeAll(Arrays.asList(revoked));
        return this;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * Restricts the key to IP addresses that do not include ours (true), as when the user set an IP
     * allowlist without this server: Binance -2015, KuCoin 400006, Coinbase 401.
     */
    public EmulatedAccount blockOurIp(boolean blocked) {
        this.ipBlocked = blocked;
        return this;
    }

    public boolean isIpBlocked() {
        return ipBlocked;
    }

    /** KuCoin key version (2 by default); version 1 keys are refused with 400008 whatever the header says. */
    public EmulatedAccount setKeyVersion(int version) {
        this.keyVersion = version;
        return this;
    }

    public int keyVersion() {
        return keyVersion;
    }

    /** A consistent copy of one wallet, sorted by asset. */
    SortedMap<String, Holding> balances(Wallet wallet) {
        return new TreeMap<>(wallet(wallet));
    }

    /** Kraken's rule: accepts {@code nonce} only if it is greater than every nonce accepted before. */
    boolean acceptNonce(long nonce) {
        while (true) {
            long last = lastNonce.get();
            if (Long.compareUnsigned(nonce, last) <= 0) {
                return false;
            }
            if (lastNonce.compareAndSet(last, nonce)) {
                return true;
            }
        }
    }

    /** A stable id derived from the key, for the ids the exchanges put in their answers. */
    UUID stableId(String purpose) {
        return UUID.nameUUIDFromBytes((exchange + "/" + apiKey + "/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    private ConcurrentSkipListMap<String, Holding> wallet(Wallet wallet) {
        ConcurrentSkipListMap<String, Holding> holdings = balances.get(Objects.requireNonNull(wallet, "wallet"));
        if (holdings == null) {
            throw new IllegalArgumentException(exchange.displayName() + " has no " + wallet + " wallet in the emulator");
        }
        return holdings;
    }

    @Override
    public String toString() {
        // SECURITY: like ApiCredentials, never print the secret or passphrase.
        return "EmulatedAccount[" + exchange.id() + ", apiKey=..." + apiKey.substring(Math.max(0, apiKey.length() - 4)) + "]";
    }
}
