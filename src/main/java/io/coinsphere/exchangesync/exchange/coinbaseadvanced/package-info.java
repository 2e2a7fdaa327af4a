/**
 * Coinbase as its app and Advanced Trade users have it: CDP secret API keys (a key name and an ECDSA or
 * Ed25519 private key), one signed JWT per request, accounts from {@code /api/v3/brokerage/accounts}
 * across pages and the key's permissions from {@code /api/v3/brokerage/key_permissions}.
 */
package io.coinsphere.exchangesync.exchange.coinbaseadvanced;
