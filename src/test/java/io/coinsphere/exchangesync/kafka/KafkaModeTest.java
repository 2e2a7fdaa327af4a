package io.coinsphere.exchangesync.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KafkaModeTest {

    private final List<Object> logged = new ArrayList<>();
    private final Log log = new NoOpLog() {
        @Override
        public void info(Object message) {
            logged.add(message);
        }
    };

    @Test
    void withoutAClusterOrABrokerSyncWorkStaysInTheInstanceAndTheLogSaysWhy() {
        StandardEnvironment environment = environment(Map.of());
        new KafkaMode(log, () -> false).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(KafkaMode.ENABLED)).isEqualTo("false");
        assertThat(environment.getProperty(KafkaMode.LAZY_PRODUCERS)).isEqualTo("true");
        assertThat(logged).containsExactly(KafkaMode.NO_BROKER);
    }

    @Test
    void aConfiguredClusterIsUsedWithoutABroker() {
        StandardEnvironment environment = environment(Map.of("coinsphere.kafka.bootstrap-servers", "kafka:9092"));
        new KafkaMode(log, () -> false).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(KafkaMode.ENABLED, Boolean.class, true)).isTrue();
        assertThat(environment.getProperty(KafkaMode.LAZY_PRODUCERS)).isNull();
        assertThat(logged).isEmpty();
    }

    @Test
    void theInProcessBrokerServesTheEmbeddedDefaultsWhereItIsOnTheClassPath() {
        StandardEnvironment environment = environment(Map.of());
        new KafkaMode(log, () -> true).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(KafkaMode.ENABLED, Boolean.class, true)).isTrue();
        assertThat(environment.getProperty(KafkaMode.LAZY_PRODUCERS)).isNull();
        assertThat(logged).isEmpty();
    }

    @Test
    void kafkaSwitchedOffStartsNoProducerAndSaysNothingMore() {
        StandardEnvironment environment = environment(Map.of(KafkaMode.ENABLED, "false"));
        new KafkaMode(log, () -> true).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(KafkaMode.ENABLED)).isEqualTo("false");
        assertThat(environment.getProperty(KafkaMode.LAZY_PRODUCERS)).isEqualTo("true");
        assertThat(logged).isEmpty();
    }

    @Test
    void theRealCheckFindsTheBrokerOnTheTestClassPath() {
        StandardEnvironment environment = environment(Map.of());
        new KafkaMode(new org.springframework.boot.logging.DeferredLogs()).postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(KafkaMode.ENABLED, Boolean.class, true)).isTrue();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
