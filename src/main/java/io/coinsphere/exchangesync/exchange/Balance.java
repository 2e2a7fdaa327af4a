package io.coinsphere.exchangesync.exchange;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One asset held on an exchange account, normalised: our symbol, exact decimal amounts, and the
 * total split by {@link Wallet} (the parts add up to {@code total}).
 */
public record Balance(String asset, BigDecimal total, BigDecimal available, BigDecimal locked, Map<Wallet, BigDecimal> wallets) {

    public Balance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(locked, "locked");
        EnumMap<Wallet, BigDecimal> copy = new EnumMap<>(Wallet.class);
        if (wallets != null) {
            wallets.forEach((wallet, amount) -> copy.put(Objects.requireNonNull(wallet), Objects.requireNonNull(amount)));
        }
        wallets = Collections.unmodifiableMap(copy);
    }

    /** A balance held entirely in the spot wallet. */
    public Balance(String asset, BigDecimal total, BigDecimal available, BigDecimal locked) {
        this(asset, total, available, locked, Map.of(Wallet.SPOT, total));
    }

    public boolean isZero() {
        return total.signum() == 0 && available.signum() == 0 && locked.signum() == 0;
    }

    /** This balance plus another of the same asset, wallet parts summed. */
    public Balance plus(Balance other) {
        EnumMap<Wallet, BigDecimal> sum = new EnumMap<>(Wallet.class);
        sum.putAll(wallets);
        other.wallets.forEach((wallet, amount) -> sum.merge(wallet, amount, BigDecimal::add));
        return new Balance(asset, total.add(other.total), available.add(other.available), locked.add(other.locked), sum);
    }
}
