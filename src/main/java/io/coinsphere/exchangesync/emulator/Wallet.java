package io.coinsphere.exchangesync.emulator;

/**
 * Which wallet of an emulated account holds a balance. Binance: spot account and funding wallet;
 * KuCoin: {@code trade} and {@code main} accounts; Kraken and Coinbase only have {@link #SPOT}.
 */
public enum Wallet {
    SPOT,
    FUNDING
}
