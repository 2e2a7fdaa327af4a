/** Coinbase Exchange (XChange's coinbasepro module): balances from {@code GET /accounts}, and its error messages. */
package io.coinsphere.exchangesync.exchange.coinbase;
