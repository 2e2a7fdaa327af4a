package io.coinsphere.exchangesync.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-level settings ({@code coinsphere.*}). The data directory holds everything the embedded
 * defaults create (database files, a generated master key, JWT signing keys) and survives restarts.
 */
@ConfigurationProperties(prefix = "coinsphere")
public record CoinsphereProperties(@DefaultValue("./data") Path dataDir) {
}
