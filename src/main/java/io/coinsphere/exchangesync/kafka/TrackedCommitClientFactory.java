package io.coinsphere.exchangesync.kafka;

import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;

/** Gives the sync consumers a {@link TrackedCommitConsumer}, the one place their offsets are committed. */
public class TrackedCommitClientFactory extends DefaultKafkaClientFactory {

    @Override
    @SuppressWarnings("rawtypes")
    public Consumer getConsumer(Properties properties) {
        return new TrackedCommitConsumer(properties);
    }
}
