package io.coinsphere.exchangesync.kafka;

import io.coinsphere.exchangesync.config.CoinsphereProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Ordered;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finds the Kafka cluster: the configured one, or on embedded defaults an in-process KRaft broker
 * with its log under the data directory. Topics are created before any route starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "coinsphere.kafka.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConfiguration.class);

    /** Holds the embedded broker, if one was started, so the context stops it after Camel. */
    static final class EmbeddedBroker implements AutoCloseable {
        private final EmbeddedKafkaServer server;

        EmbeddedBroker(EmbeddedKafkaServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Static: a factory post-processor, created (and starting the broker) before any other bean. */
    @Bean(destroyMethod = "close")
    static EmbeddedKafkaEarlyStart embeddedKafkaEarlyStart() {
        return new EmbeddedKafkaEarlyStart();
    }

    @Bean(destroyMethod = "close")
    EmbeddedBroker embeddedKafkaBroker(KafkaSettings settings, CoinsphereProperties properties, EmbeddedKafkaEarlyStart early)
            throws Exception {
        if (settings.external()) {
            return new EmbeddedBroker(null);
        }
        Path logs = EmbeddedKafkaEarlyStart.logs(properties);
        EmbeddedKafkaServer server = early.take(logs, settings.embeddedPort());
        if (server == null) {
            server = EmbeddedKafkaServer.start(logs, settings.embeddedPort());
        }
        LOG.info("Embedded Kafka (KRaft) listening on {} with its log in {}", server.bootstrapServers(), logs);
        return new EmbeddedBroker(server);
    }

    /** Before any consumer exists: a jar built for another platform stops here, not at its first compressed batch. */
    @Bean
    KafkaBootstrap kafkaBootstrap(KafkaSettings settings, EmbeddedBroker embedded) {
        CompressionCodecs.requireReadable();
        return new KafkaBootstrap(settings.external() ? settings.bootstrapServers() : embedded.server.bootstrapServers());
    }

    /**
     * What every Kafka endpoint of this instance shares, so the route files name only topics and their own options:
     * the cluster, acknowledgement by all in-sync replicas with idempotence, quick failure when the broker is gone,
     * a session short enough that a killed instance's partitions move on soon (docs/reliability.md), and the shared client
     * defaults of {@link KafkaBootstrap#CLIENT_DEFAULTS}.
     *
     * <p>Ordered last: the Kafka starter's own customizer copies every {@code camel.component.kafka.*} option, its
     * defaults included (a 60 s max block, a 45 s session), onto the component. Camel applies customizers of equal order
     * in the order of a hash set, so at the same order ours was overwritten in about half of all starts, and a sync
     * request then hung for a minute instead of answering 503 while the broker was down.
     */
    @Bean
    ComponentCustomizer kafkaEndpointDefaults(KafkaBootstrap bootstrap, KafkaSettings settings) {
        int timeout = (int) settings.sendTimeout().toMillis();
        int session = (int) settings.sessionTimeout().toMillis();
        return ComponentCustomizer.builder(KafkaComponent.class).withOrder(Ordered.LOWEST).build(component -> {
            org.apache.camel.component.kafka.KafkaConfiguration configuration = component.getConfiguration();
            configuration.setBrokers(bootstrap.servers());
            configuration.setRequestRequiredAcks("all");
            configuration.setEnableIdempotence(true);
            configuration.setMaxBlockMs(timeout);
            configuration.setRequestTimeoutMs(timeout);
            // The client refuses a delivery timeout shorter than linger + request timeout: room for the events' 20 ms.
            configuration.setDeliveryTimeoutMs(timeout + EVENTS_LINGER_MS);
            configuration.setSessionTimeoutMs(session);
            configuration.setHeartbeatIntervalMs(Math.max(500, session / 3));
            Map<String, Object> additional = new HashMap<>();
            if (configuration.getAdditionalProperties() != null) {
                additional.putAll(configuration.getAdditionalProperties());
            }
            additional.putAll(KafkaBootstrap.CLIENT_DEFAULTS);
            configuration.setAdditionalProperties(additional);
        });
    }

    /** The longest {@code lingerMs} of a producer endpoint (the sync events', sync-transport.camel.yaml). */
    static final int EVENTS_LINGER_MS = 20;

    @Bean
    KafkaTopics kafkaTopics(KafkaBootstrap bootstrap, KafkaSettings settings) {
        KafkaTopics topics = new KafkaTopics(bootstrap, settings);
        topics.ensureExist();
        return topics;
    }
}
