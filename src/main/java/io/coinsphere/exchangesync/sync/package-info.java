/** The sync flow: the queue, the worker that fetches balances, the retry and dead-letter policy. */
package io.coinsphere.exchangesync.sync;
