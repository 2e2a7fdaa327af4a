/**
 * What stands between our adapters and an exchange: per-exchange rate budgets (Bucket4j token buckets, in memory
 * or shared in PostgreSQL), Retry-After pauses, a circuit breaker, and the server-clock offset for signed timestamps.
 */
package io.coinsphere.exchangesync.exchange.guard;
