/**
 * An HTTP emulator of the Binance, Kraken, Coinbase Exchange, KuCoin and Coinbase Advanced Trade REST APIs, as strict as the
 * real exchanges about signatures, clocks, nonces and key versions, with scriptable failures. Used by
 * tests and by demo mode; see {@link io.coinsphere.exchangesync.emulator.ExchangeEmulator}.
 */
package io.coinsphere.exchangesync.emulator;
