/**
 * Binance: spot ({@code /api/v3/account}), the funding wallet, Simple Earn positions, key permissions and server
 * time; Binance's error codes.
 */
package io.coinsphere.exchangesync.exchange.binance;
