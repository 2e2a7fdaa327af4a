package io.coinsphere.exchangesync.reliability;

import java.util.List;

/**
 * The crash and stop faults of {@link CrashRestartIT} without Kafka: sync requests and scheduled syncs travel this
 * instance's queue only, as in the production jar started without {@code KAFKA_BOOTSTRAP_SERVERS}. What the queue
 * held when the process died comes back through the database (due connections, {@code sync_requested_at}).
 */
class CrashRestartInProcessIT extends CrashRestartIT {

    @Override
    List<String> transport() {
        return List.of("--coinsphere.kafka.enabled=false");
    }

    @Override
    String embedded() {
        return "embedded PostgreSQL, no Kafka";
    }
}
