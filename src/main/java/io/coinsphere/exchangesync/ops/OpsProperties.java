package io.coinsphere.exchangesync.ops;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operations settings ({@code coinsphere.ops.*}).
 *
 * @param connectionGaugeRefresh the connections-by-status gauge queries the database at most this often,
 *                               however often Prometheus scrapes
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.ops")
public record OpsProperties(@DefaultValue("30s") @NotNull Duration connectionGaugeRefresh) {
}
