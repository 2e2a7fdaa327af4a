/**
 * What the adapters that call an exchange's REST API themselves (no XChange) share: the HTTP round trip and its
 * failures, the budget and clock around a signed call, exact amounts from JSON, and partial fetches. Each exchange
 * package keeps only what differs: its signature, endpoints, answer envelope, balance mapping and error codes.
 */
package io.coinsphere.exchangesync.exchange.http;
