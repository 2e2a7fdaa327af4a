/** Holdings: the read side for the API (JSON and CSV, valued); the sync writes them (sync/HoldingsParams). */
package io.coinsphere.exchangesync.holdings;
