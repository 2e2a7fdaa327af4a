/**
 * The benchmark ({@code mvn -Pbench verify}): a full service on embedded PostgreSQL and Kafka against
 * an exchange emulator in its own JVM; prints throughput, cost per sync, latencies and memory as a table.
 */
package io.coinsphere.exchangesync.bench;
