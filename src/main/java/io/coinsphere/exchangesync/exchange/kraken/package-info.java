/**
 * Kraken spot: balances from {@code POST /0/private/Balance}, Kraken's asset codes and wallets ({@code .S} staked,
 * {@code .M/.B/.F} earn), its error strings, and nonces that strictly increase per API key across threads, restarts
 * and instances (PostgreSQL).
 */
package io.coinsphere.exchangesync.exchange.kraken;
