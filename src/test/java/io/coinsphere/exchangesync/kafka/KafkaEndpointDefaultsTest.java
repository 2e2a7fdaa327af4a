package io.coinsphere.exchangesync.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.component.kafka.springboot.KafkaComponentConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.junit.jupiter.api.Test;

/**
 * Our Kafka endpoint defaults survive the Kafka starter's customizer, which copies every
 * {@code camel.component.kafka.*} option with its defaults onto the component. Camel applies the customizers
 * found in its registry (a hash set) sorted by order only, so both registration orders are tried here.
 */
class KafkaEndpointDefaultsTest {

    private static final KafkaSettings SETTINGS = new KafkaSettings(true, "broker:9092", 0,
            new KafkaSettings.Partitions(12, 24, 6, 3), 4, 4, Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(10));

    @Test
    void theSendTimeoutAndSessionWinOverTheStartersDefaultsWhateverTheRegistryOrder() throws Exception {
        for (boolean oursFirst : List.of(true, false)) {
            try (DefaultCamelContext camel = new DefaultCamelContext()) {
                ComponentCustomizer ours = new KafkaConfiguration().kafkaEndpointDefaults(new KafkaBootstrap("broker:9092"), SETTINGS);
                // What the starter's customizer does with no camel.component.kafka.* set: copy its defaults.
                ComponentCustomizer starter = ComponentCustomizer.forType(KafkaComponent.class,
                        component -> CamelPropertiesHelper.copyProperties(camel, new KafkaComponentConfiguration(), component));
                camel.getRegistry().bind(oursFirst ? "a" : "b", ours);
                camel.getRegistry().bind(oursFirst ? "b" : "a", starter);
                camel.start();

                org.apache.camel.component.kafka.KafkaConfiguration endpoint =
                        camel.getEndpoint("kafka:exchange-sync-requests", KafkaEndpoint.class).getConfiguration();
                assertThat(endpoint.getBrokers()).as("ours first: %s", oursFirst).isEqualTo("broker:9092");
                assertThat(endpoint.getMaxBlockMs()).as("ours first: %s", oursFirst).isEqualTo(2000);
                assertThat(endpoint.getRequestTimeoutMs()).as("ours first: %s", oursFirst).isEqualTo(2000);
                assertThat(endpoint.getDeliveryTimeoutMs()).as("ours first: %s", oursFirst).isEqualTo(2020);
                assertThat(endpoint.getSessionTimeoutMs()).as("ours first: %s", oursFirst).isEqualTo(10000);
                // The production jar has no classes for pushing client metrics: no client may switch it on.
                assertThat(endpoint.createProducerProperties()).as("ours first: %s", oursFirst).containsEntry("enable.metrics.push", false);
                assertThat(endpoint.createConsumerProperties()).as("ours first: %s", oursFirst).containsEntry("enable.metrics.push", false);
            }
        }
    }

    @Test
    void adminClientsGetTheClusterAndTheSharedDefaults() {
        assertThat(new KafkaBootstrap("broker:9092").adminConfig(Map.of("default.api.timeout.ms", 3000)))
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("enable.metrics.push", false)
                .containsEntry("default.api.timeout.ms", 3000);
    }
}
