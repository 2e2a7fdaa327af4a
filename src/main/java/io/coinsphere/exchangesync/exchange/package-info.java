/** The exchange boundary: ids, credentials, balances, failures, and one adapter per exchange. */
package io.coinsphere.exchangesync.exchange;
