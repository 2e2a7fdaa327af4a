package io.coinsphere.exchangesync.kafka;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code coinsphere.kafka.enabled=false} the Kafka routes of routes/sync-transport.camel.yaml are still built
 * (they do not start), and Camel would start their producers with the context: those start on a first message
 * instead, which never comes, so no broker is needed. With Kafka on they start with the context, as usual.
 */
public class KafkaOffDefaults implements EnvironmentPostProcessor {

    static final String LAZY_PRODUCERS = "camel.component.kafka.lazy-start-producer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("coinsphere.kafka.enabled", Boolean.class, true)) {
            environment.getPropertySources().addLast(new MapPropertySource("coinsphere-kafka-off", Map.of(LAZY_PRODUCERS, "true")));
        }
    }
}
