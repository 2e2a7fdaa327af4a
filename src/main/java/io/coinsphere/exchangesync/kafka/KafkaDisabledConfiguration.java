package io.coinsphere.exchangesync.kafka;

import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Kafka switched off the Kafka routes of the route files are still built (they do not start), and their
 * producers must not start either: started lazily, on a first message that never comes, they need no broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "coinsphere.kafka.enabled", havingValue = "false")
class KafkaDisabledConfiguration {

    @Bean
    ComponentCustomizer kafkaProducersNeverStart() {
        return ComponentCustomizer.builder(KafkaComponent.class).build(component -> component.setLazyStartProducer(true));
    }
}
