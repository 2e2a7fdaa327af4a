package io.coinsphere.exchangesync.fanout;

import io.coinsphere.exchangesync.config.SqlFiles;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.sync.SyncProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The scheduled fan-out: every interval, claim due connections in batches and queue one sync
 * message for each. Claiming moves next_sync_at forward in the same statement, and the loop
 * waits for the queue to drain between batches, so memory stays flat however many are due.
 */
@Component
public class FanoutRoutes extends RouteBuilder {

    /** Names this instance in fanout_ticks: host and process id. */
    static final String INSTANCE = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

    private final SyncProperties properties;

    public FanoutRoutes(SyncProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        // stateful: Quartz never runs two fan-outs of this instance at once.
        from("quartz:coinsphere/fanout?stateful=true&trigger.repeatInterval=" + properties.fanoutInterval().toMillis())
                .routeId("fanout-quartz")
                .autoStartup(properties.fanoutEnabled())
                .process(e -> {
                    e.getMessage().setHeader("slot", System.currentTimeMillis() / properties.fanoutInterval().toMillis());
                    e.getMessage().setHeader("instance", INSTANCE);
                })
                .to(SqlFiles.endpoint("fanout-tick.sql", "outputType=SelectOne&outputHeader=tick"))
                .filter(header("tick").isNull())
                    .log(org.apache.camel.LoggingLevel.DEBUG, "Fan-out of slot ${header.slot} runs on another instance")
                    .stop()
                .end()
                .to("direct:fanout-claim");

        from("direct:fanout-claim").routeId("fanout-claim")
                .setHeader("batchSize", constant(properties.fanoutBatchSize()))
                // A requested sync not started after two ticks was lost with its queue (see fanout-claim.sql).
                .setHeader("requestGraceSeconds", constant(2 * Math.max(1, properties.fanoutInterval().toSeconds())))
                .setHeader(SyncHeaders.TRIGGER, constant("scheduled"))
                .setProperty("claimed", constant(0))
                .loopDoWhile(simple("${exchangeProperty.more} != false"))
                    .to(SqlFiles.endpoint("fanout-claim.sql", "outputType=SelectList"))
                    .setProperty("more", simple("${body.size} >= ${header.batchSize}", Boolean.class))
                    .process(e -> e.setProperty("claimed",
                            e.getProperty("claimed", Integer.class) + e.getMessage().getBody(java.util.List.class).size()))
                    .setBody(method(FanoutClaims.class, "ids"))
                    .to("direct:fanout-schedule-batch")
                .end()
                .setBody(exchangeProperty("claimed"))
                .filter(simple("${body} > 0"))
                    .log("Fan-out queued ${body} due connection(s)")
                .end();

        // A batch that cannot be handed on (Kafka down) is put back as due, not skipped for a whole
        // interval; the fan-out then stops and the next one tries again.
        from("direct:fanout-schedule-batch").routeId("fanout-schedule-batch")
                // Kept aside: a failed hand-off may leave another body (the records it tried to send).
                .setProperty("batchIds", body())
                .doTry()
                    .to("direct:sync-schedule")
                .doCatch(Exception.class)
                    .setBody(exchangeProperty("batchIds"))
                    .log(org.apache.camel.LoggingLevel.WARN,
                            "Fan-out could not queue ${body.size} connection(s), put back as due: ${exception.message}")
                    .setBody(method(FanoutClaims.class, "releaseParams"))
                    .to(SqlFiles.endpoint("fanout-release.sql", "noop=true"))
                    .setProperty("more", constant(false))
                .end();
    }
}
