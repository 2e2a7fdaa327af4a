/**
 * The sync worker: the queue and its throttle, the lease, credentials and fetch, the holdings upsert's parameters,
 * outcomes, dead letters, events and metrics, and the retry policies (routes: sync-worker, holdings-upsert,
 * sync-errors).
 */
package io.coinsphere.exchangesync.sync;
