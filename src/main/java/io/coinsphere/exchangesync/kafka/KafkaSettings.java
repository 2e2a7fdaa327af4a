package io.coinsphere.exchangesync.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings ({@code coinsphere.kafka.*}). {@code bootstrap-servers} (env
 * {@code KAFKA_BOOTSTRAP_SERVERS}) names an external cluster; when it is empty the service starts an
 * in-process KRaft broker on {@code embedded-port}. With {@code enabled=false} everything stays in
 * process (no broker at all).
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.kafka")
public record KafkaSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String bootstrapServers,
        @DefaultValue("9092") @Min(0) int embeddedPort,
        @DefaultValue @NotNull Partitions partitions,
        @DefaultValue("4") @Min(1) int requestConsumers,
        @DefaultValue("4") @Min(1) int scheduledConsumers,
        @DefaultValue("5s") @NotNull Duration sendTimeout,
        @DefaultValue("200ms") @NotNull Duration commitInterval,
        @DefaultValue("10s") @NotNull Duration sessionTimeout) {

    public static final String REQUESTS = "exchange-sync-requests";
    public static final String SCHEDULED = "exchange-sync-scheduled";
    public static final String EVENTS = "exchange-sync-events";
    public static final String DLQ = "exchange-sync-dlq";
    public static final String GROUP = "exchange-sync";

    /** Partitions per topic, used when the service creates the topics. */
    public record Partitions(
            @DefaultValue("12") @Min(1) int requests,
            @DefaultValue("24") @Min(1) int scheduled,
            @DefaultValue("6") @Min(1) int events,
            @DefaultValue("3") @Min(1) int dlq) {
    }

    public boolean external() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }
}
