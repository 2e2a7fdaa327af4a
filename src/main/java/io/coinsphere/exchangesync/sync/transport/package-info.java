/** How sync work travels, over Kafka or in process, and the offsets of Kafka records in flight (route: sync-transport). */
package io.coinsphere.exchangesync.sync.transport;
