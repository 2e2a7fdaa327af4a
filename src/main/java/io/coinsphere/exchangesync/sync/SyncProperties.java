package io.coinsphere.exchangesync.sync;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How the pipeline schedules, runs and retries syncs ({@code coinsphere.sync.*}). */
@Validated
@ConfigurationProperties(prefix = "coinsphere.sync")
public record SyncProperties(
        @DefaultValue("30s") @NotNull Duration fanoutInterval,
        @DefaultValue("true") boolean fanoutEnabled,
        @DefaultValue("200") @Min(1) int fanoutBatchSize,
        @DefaultValue("1000") @Min(1) int queueHighWatermark,
        @DefaultValue("32") @Min(1) int workers,
        @DefaultValue("20s") @NotNull Duration lease,
        @DefaultValue("5s") @NotNull Duration leaseHeartbeat,
        @DefaultValue("") String instance,
        @DefaultValue @NotNull Retry retry,
        @DefaultValue @NotNull Throttle throttle) {

    /**
     * Redelivery of transient failures: {@code initialDelay}, then times {@code multiplier} each time. A database
     * that does not answer is retried {@code databaseRedeliveries} times instead (waits capped at 30 s: about three
     * minutes in all with the defaults), and never counts as the exchange's failure.
     */
    public record Retry(
            @DefaultValue("3") @Min(0) int maxRedeliveries,
            @DefaultValue("5s") @NotNull Duration initialDelay,
            @DefaultValue("2") @DecimalMin("1.0") double multiplier,
            @DefaultValue("8") @Min(0) int databaseRedeliveries) {
    }

    /**
     * The limit on syncs in flight between {@code minWorkers} and {@code workers}, steered by the machine's CPU
     * load ({@link ThrottleRule}); {@code cpuTarget} 1 keeps all {@code workers} running whatever the load.
     */
    public record Throttle(
            @DefaultValue("0.85") @DecimalMin("0.1") @DecimalMax("1.0") double cpuTarget,
            @DefaultValue("4") @Min(1) int minWorkers,
            @DefaultValue("500ms") @NotNull Duration interval) {
    }
}
