/** The scheduled fan-out: finds due connections and queues one sync for each. */
package io.coinsphere.exchangesync.fanout;
