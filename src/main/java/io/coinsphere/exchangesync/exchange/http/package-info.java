/**
 * What the signed exchange adapters share. {@link io.coinsphere.exchangesync.exchange.http.SignedAdapter}: the budget
 * and the exchange's clock around each signed call (Binance, Coinbase Exchange and KuCoin, which send through
 * XChange). {@link io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter}: that plus our own HTTP round trip and
 * its failures (Coinbase Advanced, OKX, Bybit, Bitstamp, Gemini), with exact amounts from JSON and partial fetches.
 * Each exchange package keeps only what differs: its signature, endpoints, answer envelope, mapping and error codes.
 */
package io.coinsphere.exchangesync.exchange.http;
