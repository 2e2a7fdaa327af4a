/** OKX: trading, funding and Simple Earn balances and key permissions over its signed v5 REST API. */
package io.coinsphere.exchangesync.exchange.okx;
