/** What starts syncs: the REST sync commands and the scheduled fan-out (routes: sync-requests, fanout). */
package io.coinsphere.exchangesync.sync.trigger;
