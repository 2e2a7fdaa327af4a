/**
 * Bitstamp: v2-signed {@code POST /api/v2/account_balances/} (every currency with available, reserved and
 * total), its API00xx error codes, the clock from the public ticker and a per-address budget.
 */
package io.coinsphere.exchangesync.exchange.bitstamp;
