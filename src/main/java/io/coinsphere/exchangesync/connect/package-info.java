/** Connecting an exchange: list supported exchanges, test a key, store it encrypted, replace it. */
package io.coinsphere.exchangesync.connect;
