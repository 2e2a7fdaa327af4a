package io.coinsphere.exchangesync.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka consumer that commits exactly the offsets {@link OffsetTracker} releases, and nothing else.
 * The tracker releases them on worker or flusher threads, but a Kafka consumer may only be used by its
 * own polling thread; so a release is parked here and sent at the start of the next poll (at most one
 * poll timeout later). Offsets of partitions no longer assigned are dropped: their new owner reads them again.
 */
class TrackedCommitConsumer extends KafkaConsumer<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedCommitConsumer.class);
    private static final Duration CLOSE_COMMIT_TIMEOUT = Duration.ofSeconds(5);

    /** The next offset to read, per partition, waiting for the polling thread. */
    private final Map<TopicPartition, OffsetAndMetadata> released = new ConcurrentHashMap<>();

    /** The latest offset sent per partition; polling thread only (commit callbacks run there too). */
    private final Map<TopicPartition, Long> sent = new HashMap<>();

    TrackedCommitConsumer(Properties properties) {
        super(properties);
    }

    /** Any thread: every record of the partition before {@code nextOffset} is done. */
    void release(TopicPartition partition, long nextOffset) {
        released.merge(partition, new OffsetAndMetadata(nextOffset), (a, b) -> a.offset() >= b.offset() ? a : b);
    }

    /** The offset waiting for the next poll, or null (for tests). */
    Long released(TopicPartition partition) {
        OffsetAndMetadata offset = released.get(partition);
        return offset == null ? null : offset.offset();
    }

    @Override
    public ConsumerRecords<Object, Object> poll(Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> offsets = take();
        if (!offsets.isEmpty()) {
            commitAsync(offsets, (committed, error) -> {
                if (error instanceof RetriableException) {
                    // A broker blip: the next poll tries again, unless a later offset went out (or is waiting) since.
                    LOG.debug("Kafka offset commit will be retried: {}", error.toString());
                    offsets.forEach((partition, offset) -> {
                        if (sent.get(partition) == offset.offset()) {
                            release(partition, offset.offset());
                        }
                    });
                } else if (error != null) {
                    // The records come again (to this instance or the partition's new owner): at-least-once.
                    LOG.warn("Kafka offset commit failed (the partition may have moved): {}", error.toString());
                }
            });
        }
        return super.poll(timeout);
    }

    /** camel-kafka unsubscribes before it closes, which gives the partitions up: commit what is released first. */
    @Override
    public void unsubscribe() {
        commitBeforeClose();
        super.unsubscribe();
    }

    @Override
    public void close() {
        commitBeforeClose();
        super.close();
    }

    @Override
    public void close(Duration timeout) {
        commitBeforeClose();
        super.close(timeout);
    }

    private void commitBeforeClose() {
        Map<TopicPartition, OffsetAndMetadata> offsets = take();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            commitSync(offsets, CLOSE_COMMIT_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("Kafka offset commit on close failed: {}", e.toString());
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> take() {
        if (released.isEmpty()) {
            return Map.of();
        }
        Set<TopicPartition> assigned = assignment();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : released.keySet()) {
            OffsetAndMetadata offset = released.remove(partition);
            if (offset != null && assigned.contains(partition)) {
                offsets.put(partition, offset);
                sent.put(partition, offset.offset());
            }
        }
        return offsets;
    }
}
