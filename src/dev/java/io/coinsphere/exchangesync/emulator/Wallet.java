package io.coinsphere.exchangesync.emulator;

/**
 * Which wallet of an emulated account holds a balance. Binance: spot account, funding wallet and
 * Simple Earn flexible and locked positions; KuCoin: {@code trade} and {@code main} accounts; Kraken
 * and Coinbase only have {@link #SPOT} (Kraken's staked and earn amounts are {@code .S/.M/.B/.F} codes there).
 */
public enum Wallet {
    SPOT,
    FUNDING,
    /** Binance Simple Earn flexible positions (free = the position's total amount). */
    EARN_FLEXIBLE,
    /** Binance Simple Earn locked positions (free = the position's amount). */
    EARN_LOCKED,
    /** Gemini staking ({@code /v1/balances/staking}). */
    STAKED
}
