package io.coinsphere.exchangesync.sync;

import org.apache.camel.Exchange;

/**
 * Counts the tries of one sync in an exchange property. Camel drops its own redelivery headers
 * before the dead-letter route runs, and sync_runs.attempts must be right on both outcomes.
 */
final class SyncAttempts {

    static final String PROPERTY = "syncAttempts";

    private SyncAttempts() {
    }

    /** Called once per try of a redeliverable step (the exchange call). */
    public static void count(Exchange exchange) {
        exchange.setProperty(PROPERTY, of(exchange) + 1);
    }

    /** The tries so far; at least 1 once anything ran. */
    public static int of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, 0, Integer.class);
    }
}
