package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.config.SqlFiles;
import io.coinsphere.exchangesync.kafka.OffsetTracker;
import io.coinsphere.exchangesync.ops.LeaseHandback;
import io.coinsphere.exchangesync.ops.Correlation;
import java.time.OffsetDateTime;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The sync flow: messages from any trigger land on one priority queue; workers lease the
 * connection, decrypt its credentials, fetch balances and hand them to the holdings upsert.
 */
@Component
public class SyncRoutes extends RouteBuilder {

    private final SyncProperties properties;
    private final SyncJobs jobs;
    private final BalanceFetcher fetcher;
    private final SyncOutcomes outcomes;
    private final SyncEvents events;
    private final OffsetTracker tracker;
    private final SyncEnqueuer enqueuer;
    private final SyncThrottle throttle;
    private final SyncQueue queue;
    private final LeaseHandback leases;

    public SyncRoutes(SyncProperties properties, SyncJobs jobs, BalanceFetcher fetcher, SyncOutcomes outcomes,
            SyncEvents events, OffsetTracker tracker, SyncEnqueuer enqueuer, SyncThrottle throttle, SyncQueue queue,
            LeaseHandback leases) {
        this.leases = leases;
        this.throttle = throttle;
        this.queue = queue;
        this.tracker = tracker;
        this.enqueuer = enqueuer;
        this.events = events;
        this.properties = properties;
        this.jobs = jobs;
        this.fetcher = fetcher;
        this.outcomes = outcomes;
    }

    /** How many syncs run at once, steered by the CPU load (see {@link ThrottleRule}). */
    @Bean
    static SyncThrottle syncThrottle(SyncProperties properties) {
        SyncProperties.Throttle throttle = properties.throttle();
        int min = Math.min(throttle.minWorkers(), properties.workers());
        return new SyncThrottle(new ThrottleRule(min, properties.workers(), throttle.cpuTarget()));
    }

    /** The one queue every trigger feeds; see {@link SyncQueue} for the ordering. */
    @Bean
    static SyncQueue syncQueue(SyncThrottle syncThrottle) {
        return new SyncQueue(syncThrottle);
    }

    String queueUri() {
        return SyncEnqueuer.queueUri(properties.workers());
    }

    @Override
    public void configure() {
        // Body: a list of connection ids; header syncTrigger says who asked.
        from("direct:sync-enqueue").routeId("sync-enqueue")
                .bean(enqueuer, "enqueue");

        from(queueUri()).routeId("sync-worker")
                .routeConfigurationId(SyncErrorPolicy.ID)
                // Whatever the outcome, a Kafka record behind this sync may now be committed.
                .onCompletion()
                    .process(throttle::release)
                    .bean(tracker, "completed")
                    .process(e -> Correlation.leave())
                .end()
                // The REST request's correlation id (if a request asked for this sync) on the worker's log lines.
                .process(Correlation::enter)
                .to("direct:sync-connection");

        // Every interval: fewer syncs at once while the cores are saturated, more while syncs wait and cores idle.
        MachineCpu cpu = new MachineCpu();
        from("timer:sync-throttle?period=" + properties.throttle().interval().toMillis()).routeId("sync-throttle")
                .process(e -> throttle.adjust(cpu.load(), !queue.isEmpty()));

        // Renews the short leases of the syncs running here (retries included): a lease expires only with its instance.
        from("timer:sync-lease-heartbeat?delay=" + properties.leaseHeartbeat().toMillis() + "&period="
                + properties.leaseHeartbeat().toMillis()).routeId("sync-lease-heartbeat")
                .doTry()
                    .bean(leases, "renew")
                .doCatch(Exception.class)
                    // The database is away: the syncs are failing too, and the leases lapse as they should.
                    .log(org.apache.camel.LoggingLevel.WARN, "Sync lease heartbeat failed: ${exception.class.simpleName}")
                .end();

        from("direct:sync-connection").routeId("sync-connection")
                .routeConfigurationId(SyncErrorPolicy.ID)
                .process(e -> e.getMessage().setHeader(SyncHeaders.STARTED_AT, OffsetDateTime.now()))
                .setHeader("leaseSeconds", constant(properties.lease().toSeconds()))
                // One sync's own name: its retries take the lease again, any other sync of the connection is refused.
                .process(e -> e.getMessage().setHeader("leaseOwner", leases.owner() + "/" + e.getExchangeId()))
                // A redelivered scheduled record whose connection synced after the claim is a duplicate.
                .setHeader("syncedBefore", simple("${header." + SyncHeaders.CLAIMED_AT + "}"))
                .filter(header("syncedBefore").isNull())
                    .setHeader("syncedBefore", constant("infinity"))
                .end()
                // camel-sql looks every named parameter up in a Map body first and converts any other body
                // to a Map, which misses and scans every type converter: with the id as the body that was 7 %
                // of the CPU of a sync (benchmark profile). The parameters are headers; the row replaces the body.
                .setBody(constant(java.util.Map.of()))
                .to(SqlFiles.endpoint("sync-lease.sql", "outputType=SelectOne"))
                .filter(body().isNull())
                    // Gone, or another worker is on it right now: that sync covers this request.
                    .log("Sync of connection ${header.connectionId} skipped: already in progress or disconnected")
                    .stop()
                .end()
                // Registers the lease so that a shutdown can hand it back if the sync is cut short.
                .bean(leases, "taken")
                .bean(jobs, "open")
                .bean(fetcher, "fetch")
                .to("direct:holdings-upsert")
                // Reached only when the upsert committed (a disconnected connection stops earlier).
                .bean("syncMetrics", "succeeded")
                .setBody(method(events, "succeeded"))
                .to("direct:sync-events");

        // Retries exhausted: status 'error'. A rejected key: status 'disabled'. Both are then recorded alike.
        from("direct:sync-dead-letter").routeId("sync-dead-letter")
                .setBody(method(outcomes, "exhausted"))
                .to("direct:sync-failure-record");

        from("direct:sync-disable").routeId("sync-disable")
                .setBody(method(outcomes, "disabled"))
                .to("direct:sync-failure-record");

        // The database stayed away through every retry: nothing is recorded against the connection. It is made due
        // again (its lease handed back) so the next fan-out syncs it; if even that fails, the lease lapses.
        from("direct:sync-database-unavailable").routeId("sync-database-unavailable")
                .log(org.apache.camel.LoggingLevel.WARN,
                        "Sync of connection ${header.connectionId} put back: the database did not answer through its retries")
                .doTry()
                    .bean(leases, "handBack")
                .doCatch(Exception.class)
                    .log(org.apache.camel.LoggingLevel.WARN, "Connection ${header.connectionId} is claimed again once its lease lapses")
                .end();

        from("direct:sync-failure-record").routeId("sync-failure-record")
                .to(SqlFiles.endpoint("sync-failure.sql", "noop=true"))
                .bean("syncMetrics", "failed")
                .setBody(method(events, "failed"))
                .to("direct:sync-events");

        // Every finished sync, after its transaction: in-process subscribers (live page updates).
        from("direct:sync-events").routeId("sync-events")
                .bean(events, "publish")
                // Kafka publication must never fail or slow the sync itself.
                .wireTap("direct:sync-events-out");
    }
}
