package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.ops.Correlation;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With Kafka switched off ({@code coinsphere.kafka.enabled=false}) requests and fan-out claims go
 * straight to this instance's queue; the fan-out then waits for the queue to drain between batches.
 */
@Component
@ConditionalOnProperty(name = "coinsphere.kafka.enabled", havingValue = "false")
public class InProcessSyncRoutes extends RouteBuilder {

    private final SyncProperties properties;

    public InProcessSyncRoutes(SyncProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        // SECURITY: the REST request's headers (Authorization, Cookie, and any a client made up, such as userId)
        // must not ride along into the queue and steer the sync; only what the Kafka path carries goes on.
        from("direct:sync-request").routeId("sync-request-local")
                .removeHeaders("*", SyncHeaders.TRIGGER, SyncHeaders.CLAIMED_AT, Correlation.HEADER)
                .to("direct:sync-enqueue");

        from("direct:sync-schedule").routeId("sync-schedule-local")
                .to("direct:sync-enqueue")
                .bean("syncQueue", "awaitBelow(" + properties.queueHighWatermark() + ")");

        from("direct:sync-events-out").routeId("sync-events-local")
                .log(org.apache.camel.LoggingLevel.DEBUG, "Sync event for ${body.connectionId}: ${body.status}");
    }
}
