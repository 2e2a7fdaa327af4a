package io.coinsphere.exchangesync.kafka;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Decides, before any bean exists, whether sync work travels over Kafka ({@code coinsphere.kafka.enabled}).
 *
 * <p>The in-process broker of the embedded defaults is a development tool, like the exchange emulator: the tests and
 * {@code mvn spring-boot:run} have it, the production jar does not (it is a third of the jar, and most of its start).
 * So a jar started without {@code KAFKA_BOOTSTRAP_SERVERS} keeps sync work inside its instance and says so once,
 * instead of failing on a broker it cannot start: one instance needs no Kafka, several share one they are given.
 *
 * <p>With Kafka off, the Kafka routes of routes/sync-transport.camel.yaml are still built (they do not start), and
 * Camel would start their producers with the context: those start on a first message instead, which never comes.
 */
public class KafkaMode implements EnvironmentPostProcessor {

    static final String ENABLED = "coinsphere.kafka.enabled";
    static final String LAZY_PRODUCERS = "camel.component.kafka.lazy-start-producer";
    /** The in-process KRaft node's entry point (kafka_2.13, an optional dependency left out of the jar). */
    static final String BROKER_CLASS = "kafka.server.KafkaRaftServer";

    static final String NO_BROKER = "Kafka: KAFKA_BOOTSTRAP_SERVERS is not set and this build has no in-process broker"
            + " (a development tool: mvn spring-boot:run has one). Sync requests and scheduled syncs stay in this instance;"
            + " set KAFKA_BOOTSTRAP_SERVERS to share them between instances and to take requests from other producers.";

    private final Log log;
    private final BooleanSupplier brokerPresent;

    public KafkaMode(DeferredLogFactory logs) {
        this(logs.getLog(KafkaMode.class), () -> ClassUtils.isPresent(BROKER_CLASS, KafkaMode.class.getClassLoader()));
    }

    KafkaMode(Log log, BooleanSupplier brokerPresent) {
        this.log = log;
        this.brokerPresent = brokerPresent;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean enabled = environment.getProperty(ENABLED, Boolean.class, true);
        String servers = environment.getProperty("coinsphere.kafka.bootstrap-servers", "");
        if (enabled && servers.isBlank() && !brokerPresent.getAsBoolean()) {
            environment.getPropertySources().addFirst(new MapPropertySource("coinsphere-kafka-no-broker", Map.of(ENABLED, "false")));
            log.info(NO_BROKER);
            enabled = false;
        }
        if (!enabled) {
            environment.getPropertySources().addLast(new MapPropertySource("coinsphere-kafka-off", Map.of(LAZY_PRODUCERS, "true")));
        }
    }
}
