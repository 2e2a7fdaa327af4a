/** Prices: each exchange's public market data, refreshed on a schedule, the latest price per pair and its history. */
package io.coinsphere.exchangesync.prices;
