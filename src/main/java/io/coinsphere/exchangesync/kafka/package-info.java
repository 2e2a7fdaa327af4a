/**
 * Kafka as infrastructure: the embedded KRaft broker, the bootstrap address, topics, settings, the broker monitor,
 * the defaults of every Kafka endpoint and the consumer that commits only the offsets it is handed.
 */
package io.coinsphere.exchangesync.kafka;
