package io.coinsphere.exchangesync.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/** The bootstrap address every Kafka endpoint of this instance uses: external or embedded. */
public record KafkaBootstrap(String servers) {

    /**
     * What every Kafka client of this instance sets beside its own options. Client metrics are not pushed to the
     * brokers (KIP-714): this instance's metrics are read from its own Prometheus endpoint, and the production jar
     * leaves out the push's protobuf and OpenTelemetry classes (docs/benchmarks.md, "Footprint").
     */
    static final Map<String, Object> CLIENT_DEFAULTS = Map.of(CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, false);

    /** An admin client's configuration: the cluster, the shared defaults, then {@code options}. */
    public Map<String, Object> adminConfig(Map<String, Object> options) {
        Map<String, Object> config = new HashMap<>(CLIENT_DEFAULTS);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.putAll(options);
        return config;
    }
}
