package io.coinsphere.exchangesync.kafka;

import io.coinsphere.exchangesync.config.CoinsphereProperties;
import java.nio.file.Path;
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

    @Bean
    KafkaBootstrap kafkaBootstrap(KafkaSettings settings, EmbeddedBroker embedded) {
        return new KafkaBootstrap(settings.external() ? settings.bootstrapServers() : embedded.server.bootstrapServers());
    }

    @Bean
    KafkaTopics kafkaTopics(KafkaBootstrap bootstrap, KafkaSettings settings) {
        KafkaTopics topics = new KafkaTopics(bootstrap, settings);
        topics.ensureExist();
        return topics;
    }
}
