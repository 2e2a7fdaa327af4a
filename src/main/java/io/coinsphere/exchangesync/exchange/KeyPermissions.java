package io.coinsphere.exchangesync.exchange;

/**
 * What an API key may do, as the exchange reports it. {@code verified=false} means the exchange has
 * no endpoint to ask (Kraken, Coinbase Exchange): the flags are then unknown and {@code note} says so.
 */
public record KeyPermissions(boolean read, boolean trade, boolean withdraw, boolean verified, String note) {

    public static KeyPermissions verified(boolean read, boolean trade, boolean withdraw) {
        return new KeyPermissions(read, trade, withdraw, true, null);
    }

    public static KeyPermissions unverified(ExchangeId exchange) {
        return new KeyPermissions(true, false, false, false, exchange.displayName()
                + " has no API to list a key's permissions: make sure the key can only view balances"
                + " (no trading, no withdrawals).");
    }
}
