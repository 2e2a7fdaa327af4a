/**
 * What stands between our adapters and an exchange: per-exchange rate budgets (token buckets),
 * Retry-After pauses, a circuit breaker, and the server-clock offset for signed timestamps.
 */
package io.coinsphere.exchangesync.exchange.guard;
