/**
 * The fault suite: the service as a real OS process (SIGKILL, SIGTERM and a stalled PostgreSQL cannot be simulated
 * inside the test JVM), against embedded PostgreSQL and Kafka. Each test asserts the outcome and prints its figures;
 * docs/reliability.md records them.
 */
package io.coinsphere.exchangesync.reliability;
