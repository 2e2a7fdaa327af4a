package io.coinsphere.exchangesync.exchange;

import java.util.Locale;

/**
 * Where on an exchange account an amount is held. The breakdown is stored per holding and returned
 * by the API; earn and staked amounts count as locked (they cannot be traded right away).
 */
public enum Wallet {
    /** Binance spot account, KuCoin "trade", Coinbase accounts, Kraken plain codes. */
    SPOT,
    /** Binance funding wallet, KuCoin "main". */
    FUNDING,
    /** Binance Simple Earn (flexible and locked), Kraken opt-in rewards (.M), yield-bearing (.B), auto-earn (.F). */
    EARN,
    /** Kraken staking (.S, ETH2). */
    STAKED;

    /** The lower-case name used in the database and the API ({@code "spot"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
