/** Binance spot: balances from {@code GET /api/v3/account} through XChange's REST proxy, and Binance's error codes. */
package io.coinsphere.exchangesync.exchange.binance;
