package io.coinsphere.exchangesync.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The portfolio history ({@code coinsphere.history.*}): how often a steady connection still gets a snapshot, and how
 * long each resolution is kept (full detail, then the last row per hour, then the last row per day, for ever).
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.history")
public record HistoryProperties(
        @DefaultValue("1h") Duration heartbeat,
        @DefaultValue("7d") Duration detailFor,
        @DefaultValue("90d") Duration hourlyFor,
        @DefaultValue("true") boolean compactionEnabled,
        @DefaultValue("1h") Duration compactionInterval) {
}
