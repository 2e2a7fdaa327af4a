package io.coinsphere.exchangesync.emulator;

/** What an emulated API key may do; each exchange maps these onto its own permission names. */
public enum Permission {
    /** Read balances: Binance "Enable Reading", Kraken "Funds - Query", KuCoin "General", Coinbase "view". */
    READ,
    /** Kraken "Orders and trades - Query open orders &amp; trades", needed by {@code /0/private/TradeBalance}. */
    QUERY_TRADES,
    /** Place orders: Binance spot trading, KuCoin "Spot". */
    TRADE,
    /** Withdraw funds: Binance "Enable Withdrawals", KuCoin "Withdrawal". */
    WITHDRAW
}
