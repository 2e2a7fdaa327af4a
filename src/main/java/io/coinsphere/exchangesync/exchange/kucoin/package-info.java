/**
 * KuCoin spot: balances from {@code GET /api/v1/accounts} through our own small rescu interface,
 * because XChange 5.2.2 sends the passphrase in plain text and no key version, which current
 * KuCoin keys (v2/v3) reject.
 */
package io.coinsphere.exchangesync.exchange.kucoin;
