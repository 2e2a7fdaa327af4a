/** The administrators' queue statistics: waiting, in-flight and recent syncs (route: queue-stats). */
package io.coinsphere.exchangesync.sync.stats;
