/**
 * Gemini: payload-signed (HMAC-SHA384) {@code POST /v1/balances} and {@code /v1/balances/staking}, the key's roles
 * from {@code POST /v1/roles}, nonces that increase per key across restarts and instances, Gemini's error reasons.
 */
package io.coinsphere.exchangesync.exchange.gemini;
