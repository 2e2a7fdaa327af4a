/**
 * What the signed exchange adapters share. {@link io.coinsphere.exchangesync.exchange.http.SignedAdapter}: the budget
 * and the exchange's clock around each signed call. {@link io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter}:
 * that plus our own HTTP round trip and its failures ({@link io.coinsphere.exchangesync.exchange.http.ExchangeHttp}),
 * with exact amounts from JSON and partial fetches: every exchange but Kraken, which signs a nonce, not a time, and
 * uses {@code ExchangeHttp} directly. Each exchange package keeps only what differs: its signature, endpoints, answer
 * envelope, mapping and error codes.
 */
package io.coinsphere.exchangesync.exchange.http;
