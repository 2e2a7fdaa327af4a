package io.coinsphere.exchangesync.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a Kafka offset only when every record before it in its partition has finished syncing.
 * Records are handed to the in-process worker queue and finish out of order; committing on
 * hand-off would lose them if the instance died, committing each on completion would skip
 * unfinished ones. So an instance that is killed loses nothing: the survivors get every record
 * after the last contiguous commit.
 */
@org.springframework.stereotype.Component
public class OffsetTracker {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetTracker.class);
    static final String TRACKED = "coinsphereTrackedOffset";

    /** Pending offsets of one partition, in order; true once finished. */
    private static final class Partition {
        final TreeMap<Long, Boolean> done = new TreeMap<>();
        final Map<Long, KafkaManualCommit> commits = new HashMap<>();
    }

    private final Map<String, Partition> partitions = new HashMap<>();

    /** Called when a record is handed to the worker queue. */
    public synchronized void register(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        if (commit == null || offset == null) {
            return;
        }
        Partition partition = partitions.computeIfAbsent(key(exchange), k -> new Partition());
        partition.done.put(offset, false);
        partition.commits.put(offset, commit);
        exchange.setProperty(TRACKED, true);
    }

    /** Called when the sync of a tracked record finished, whatever its outcome. */
    public void completed(Exchange exchange) {
        if (!Boolean.TRUE.equals(exchange.getProperty(TRACKED, Boolean.class))) {
            return;
        }
        KafkaManualCommit toCommit = null;
        synchronized (this) {
            Partition partition = partitions.get(key(exchange));
            Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
            if (partition == null || offset == null || !partition.done.containsKey(offset)) {
                return;
            }
            partition.done.put(offset, true);
            while (!partition.done.isEmpty() && partition.done.firstEntry().getValue()) {
                long first = partition.done.pollFirstEntry().getKey();
                toCommit = partition.commits.remove(first);
            }
        }
        if (toCommit != null) {
            try {
                // The async commit factory hands this to the partition's polling thread.
                toCommit.commit();
            } catch (RuntimeException e) {
                LOG.warn("Kafka offset commit failed (the partition may have moved): {}", e.toString());
            }
        }
    }

    /** A record that needs no sync (rejected, or fanned out into per-connection records): done at once. */
    public void skip(Exchange exchange) {
        register(exchange);
        completed(exchange);
    }

    /** Offsets registered and not yet committed, over all partitions (for tests and metrics). */
    public synchronized int pending() {
        return partitions.values().stream().mapToInt(p -> p.done.size()).sum();
    }

    private static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class) + "/"
                + exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
    }
}
