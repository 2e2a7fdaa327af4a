package io.coinsphere.exchangesync.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the live event stream ({@code coinsphere.live.*}).
 *
 * @param heartbeat how often an idle stream sends a comment line, so proxies keep it open and a dead client is noticed
 * @param streamTimeout how long one stream lives; the page then reconnects (bounds a forgotten tab's resources)
 * @param maxStreamsPerUser open streams one user may hold at once (one per open tab)
 * @param maxStreamsPerAddress open streams one client address may hold at once, whoever is signed in (many
 *                             accounts from one address cannot hold every connection)
 * @param maxStreams open streams of this instance in all
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.live")
public record LiveProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("8") int maxStreamsPerUser,
        @DefaultValue("50") int maxStreamsPerAddress,
        @DefaultValue("2000") int maxStreams) {
}
