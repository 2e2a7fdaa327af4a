/**
 * Kraken spot: balances from {@code POST /0/private/Balance} through XChange's REST proxy, Kraken's
 * asset codes, its error strings, and nonces that never repeat or reorder for one API key.
 */
package io.coinsphere.exchangesync.exchange.kraken;
