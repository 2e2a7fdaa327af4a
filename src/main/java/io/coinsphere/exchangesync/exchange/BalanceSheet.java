package io.coinsphere.exchangesync.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects raw balance lines into our normal form: upper-case symbols, one line per asset (sums of
 * every wallet or code that maps to it, with the per-wallet parts kept), zero balances dropped.
 * Not thread-safe: one per fetch.
 */
public final class BalanceSheet {

    private final Map<String, Balance> byAsset = new TreeMap<>();

    /** Adds one spot-wallet line. */
    public BalanceSheet add(String asset, BigDecimal total, BigDecimal available, BigDecimal locked) {
        return add(Wallet.SPOT, asset, total, available, locked);
    }

    /** Adds one line; a missing amount counts as zero and a blank asset is skipped, never failing a sync. */
    public BalanceSheet add(Wallet wallet, String asset, BigDecimal total, BigDecimal available, BigDecimal locked) {
        if (asset == null || asset.isBlank()) {
            return this;
        }
        String symbol = asset.trim().toUpperCase(Locale.ROOT);
        BigDecimal amount = orZero(total);
        Balance line = new Balance(symbol, amount, orZero(available), orZero(locked),
                amount.signum() == 0 ? Map.of() : Map.of(wallet, amount));
        byAsset.merge(symbol, line, Balance::plus);
        return this;
    }

    /** Adds an amount held in earn or staking: all of it is locked. */
    public BalanceSheet addLocked(Wallet wallet, String asset, BigDecimal amount) {
        return add(wallet, asset, amount, BigDecimal.ZERO, amount);
    }

    /** Non-zero balances sorted by asset. */
    public List<Balance> toList() {
        List<Balance> result = new ArrayList<>(byAsset.size());
        for (Balance balance : byAsset.values()) {
            if (!balance.isZero()) {
                result.add(balance);
            }
        }
        return List.copyOf(result);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
