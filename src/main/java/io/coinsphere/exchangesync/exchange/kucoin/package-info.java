/**
 * KuCoin spot: balances from {@code GET /api/v1/accounts}, signed with the v2 headers current keys need (the
 * passphrase itself signed, {@code KC-API-KEY-VERSION}), the key's permissions, and KuCoin's error codes.
 */
package io.coinsphere.exchangesync.exchange.kucoin;
