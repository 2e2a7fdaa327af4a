/** A user's exchange connections: list, show, change settings, disconnect. */
package io.coinsphere.exchangesync.connections;
