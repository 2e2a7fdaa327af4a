package io.coinsphere.exchangesync.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory.CamelExchangePayload;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory.KafkaRecordPayload;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class TrackedCommitConsumerTest {

    private static final TopicPartition PARTITION = new TopicPartition(KafkaSettings.REQUESTS, 3);

    @Test
    void aManualCommitReleasesTheNextOffsetAndAnEarlierOneNeverMovesItBack() {
        try (TrackedCommitConsumer consumer = new TrackedCommitConsumer(properties())) {
            new TrackedManualCommitFactory().newInstance(payload(consumer), new KafkaRecordPayload(PARTITION, 7, 1000), null).commit();
            assertThat(consumer.released(PARTITION)).isEqualTo(8);

            consumer.release(PARTITION, 5);
            assertThat(consumer.released(PARTITION)).isEqualTo(8);
            consumer.release(PARTITION, 9);
            assertThat(consumer.released(PARTITION)).isEqualTo(9);
        }
    }

    @Test
    void anEndpointWithoutTheTrackedClientFactoryIsRefused() {
        MockConsumer<Object, Object> plain = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        assertThatThrownBy(() -> new TrackedManualCommitFactory().newInstance(payload(plain),
                new KafkaRecordPayload(PARTITION, 7, 1000), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kafkaClientFactory");
    }

    private static CamelExchangePayload payload(Consumer<?, ?> consumer) {
        return new CamelExchangePayload(null, consumer, "test", null);
    }

    private static Properties properties() {
        Properties properties = new Properties();
        // Never polled: the client does not connect.
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
