package io.coinsphere.exchangesync.kafka;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;

/**
 * Manual commits that reach the broker only through {@link TrackedCommitConsumer}. Not one of
 * camel-kafka's default factories on purpose: for those, camel-kafka picks a commit manager that also
 * records every record it handed to the route and commits that after each poll, i.e. before the sync
 * ran. For any other factory it picks its no-op commit manager, so OffsetTracker alone decides.
 */
public class TrackedManualCommitFactory implements KafkaManualCommitFactory {

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record, CommitManager ignored) {
        if (!(exchange.consumer instanceof TrackedCommitConsumer consumer)) {
            throw new IllegalStateException("the Kafka endpoint needs kafkaClientFactory=#class:"
                    + TrackedCommitClientFactory.class.getName());
        }
        long next = record.recordOffset + 1;
        return () -> consumer.release(record.partition, next);
    }
}
