/** Bybit: unified trading and funding balances and key permissions over its signed v5 REST API. */
package io.coinsphere.exchangesync.exchange.bybit;
