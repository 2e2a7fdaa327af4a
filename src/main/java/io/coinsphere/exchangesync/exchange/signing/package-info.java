/**
 * Request-signing primitives of the four exchanges, shared by our adapters and the exchange emulator
 * so both sides compute signatures with the same, vector-tested code.
 */
package io.coinsphere.exchangesync.exchange.signing;
