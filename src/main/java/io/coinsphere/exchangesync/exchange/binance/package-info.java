/**
 * Binance: spot ({@code /api/v3/account}) through XChange's REST proxy, plus the funding wallet,
 * Simple Earn positions, key permissions and server time through our own small interface; Binance's
 * error codes.
 */
package io.coinsphere.exchangesync.exchange.binance;
