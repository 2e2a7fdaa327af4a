/**
 * Coinbase Exchange: balances from {@code GET /accounts}, server time, and its error messages.
 */
package io.coinsphere.exchangesync.exchange.coinbase;
