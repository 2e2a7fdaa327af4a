package io.coinsphere.exchangesync.kafka;

import io.coinsphere.exchangesync.ops.Correlation;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.web.ApiException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sync work over Kafka. Manual requests (REST or any producer) travel on
 * {@code exchange-sync-requests}, fan-out claims on {@code exchange-sync-scheduled}; the consumer
 * group {@code exchange-sync} spreads both over the instances, whose workers take manual ones first.
 * Records are committed only after their sync finished ({@link OffsetTracker}), and only by it: the
 * consumers send nothing else to the broker ({@link TrackedCommitConsumer}).
 */
@Component
@ConditionalOnProperty(name = "coinsphere.kafka.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaSyncRoutes extends RouteBuilder {

    private final KafkaBootstrap bootstrap;
    private final KafkaSettings settings;
    private final ScheduledIntake intake;
    private final SyncRequestResolver resolver;
    private final OffsetTracker tracker;
    private final KafkaJson json;

    public KafkaSyncRoutes(KafkaBootstrap bootstrap, KafkaSettings settings, ScheduledIntake intake, SyncRequestResolver resolver,
            OffsetTracker tracker, KafkaJson json) {
        this.tracker = tracker;
        this.json = json;
        this.bootstrap = bootstrap;
        this.settings = settings;
        this.intake = intake;
        this.resolver = resolver;
    }

    /** Producer endpoint: acknowledged by all in-sync replicas, idempotent, and quick to fail when the broker is gone. */
    String producer(String topic) {
        return producer(topic, 0);
    }

    /** With {@code lingerMs}: a record waits that long for others to the same partition, to go in one request. */
    String producer(String topic, int lingerMs) {
        long timeout = settings.sendTimeout().toMillis();
        // The client refuses a delivery timeout shorter than linger + request timeout.
        return "kafka:" + topic + "?brokers=" + bootstrap.servers() + "&requestRequiredAcks=all&enableIdempotence=true"
                + "&maxBlockMs=" + timeout + "&requestTimeoutMs=" + timeout + "&deliveryTimeoutMs=" + (timeout + lingerMs)
                + (lingerMs > 0 ? "&lingerMs=" + lingerMs : "");
    }

    String consumer(String topic, int consumers) {
        return "kafka:" + topic + "?brokers=" + bootstrap.servers() + "&groupId=" + KafkaSettings.GROUP
                + "&consumersCount=" + consumers + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true"
                // OffsetTracker alone commits, through the polling thread (TrackedCommitConsumer). camel-kafka's own
                // async factory would also commit every record handed on after each poll, before its sync ran.
                + "&kafkaManualCommitFactory=#class:" + TrackedManualCommitFactory.class.getName()
                + "&kafkaClientFactory=#class:" + TrackedCommitClientFactory.class.getName()
                + "&maxPollRecords=100&pollTimeoutMs=1000&keyDeserializer=org.apache.kafka.common.serialization.StringDeserializer"
                // A killed instance's partitions move to the living (or to its own restart) once its session lapses:
                // Kafka's 45 s default was most of the time a crashed instance's records waited (docs/reliability.md).
                + "&sessionTimeoutMs=" + settings.sessionTimeout().toMillis()
                + "&heartbeatIntervalMs=" + Math.max(500, settings.sessionTimeout().toMillis() / 3);
    }

    @Override
    public void configure() {
        // Malformed records and unknown connections never block a partition: they go to the DLQ.
        onException(SyncRequestMessage.Malformed.class)
                .handled(true)
                .setProperty("reason", simple("${exception.message}"))
                .log(LoggingLevel.WARN, "Sync request rejected to " + KafkaSettings.DLQ + ": ${exchangeProperty.reason}")
                .removeHeaders("*", KafkaConstants.KEY + "|" + KafkaConstants.MANUAL_COMMIT + "|" + KafkaConstants.OFFSET
                        + "|" + KafkaConstants.PARTITION + "|" + KafkaConstants.TOPIC)
                .setHeader("reason", exchangeProperty("reason"))
                .to(producer(KafkaSettings.DLQ))
                .bean(tracker, "skip");

        // REST commands: one record per connection; 202 only once the broker acknowledged it.
        from("direct:sync-request").routeId("sync-request-publish")
                .doTry()
                    .to("direct:sync-request-send")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "Kafka did not accept a sync request: ${exception.class.simpleName}: ${exception.message}")
                    .throwException(new ApiException(503, "queue_unavailable",
                            "The sync queue is not available right now; please try again in a minute"))
                .end();

        from("direct:sync-request-send").routeId("sync-request-send")
                .split(body()).stopOnException()
                    .setHeader(KafkaConstants.KEY, simple("${body}"))
                    .setBody(method(SyncRequestResolver.class, "message"))
                    // Only the key and the correlation id go out: Camel headers would otherwise travel as record headers.
                    .removeHeaders("*", KafkaConstants.KEY, Correlation.HEADER)
                    .to(producer(KafkaSettings.REQUESTS))
                .end();

        // Fan-out claims: spread over the cluster through the scheduled topic.
        // One batch of records per claim batch: a produce request per connection, each waiting for its
        // acknowledgement, was most of the broker's work. A failed send fails the batch, which the fan-out
        // then puts back as due; it gets a copy of the exchange, so the fan-out keeps its ids for that.
        from("direct:sync-schedule").routeId("sync-schedule-publish")
                .enrich("direct:sync-schedule-send", AggregationStrategies.useOriginal());

        from("direct:sync-schedule-send").routeId("sync-schedule-send")
                .setBody(method(ScheduledRecords.class, "of"))
                // Each record carries its own key; the batch's Camel headers must not become record headers.
                .removeHeaders("*")
                .to(producer(KafkaSettings.SCHEDULED));

        from(consumer(KafkaSettings.REQUESTS, settings.requestConsumers())).routeId("sync-requests-consumer")
                .log(LoggingLevel.DEBUG, "Sync request ${header.kafka.KEY} from partition ${header.kafka.PARTITION}: ${body}")
                .setBody(method(resolver, "resolve"))
                .choice()
                    .when(header("expand").isEqualTo(true))
                        // A user-wide request becomes one keyed record per connection, then is done.
                        .to("direct:sync-request")
                        .bean(tracker, "skip")
                    .otherwise()
                        .bean(tracker, "register")
                        .to("direct:sync-enqueue")
                .end();

        // Parse, register the offset, queue, and stop taking scheduled work while the local queue is long
        // (the rest waits in Kafka): one processor instead of a routing step each.
        from(consumer(KafkaSettings.SCHEDULED, settings.scheduledConsumers())).routeId("sync-scheduled-consumer")
                .process(intake);

        // Downstream consumers learn about every finished sync; failures also land on the DLQ.
        from("direct:sync-events-out").routeId("sync-events-publish")
                .removeHeaders("*")
                .setHeader(KafkaConstants.KEY, simple("${body.connectionId}"))
                .setHeader("syncStatus", simple("${body.status}"))
                .setBody(method(json, "write"))
                // Events wait up to 20 ms for others to the same partition: one produce request (and one
                // acknowledgement) per batch instead of per sync. Nothing waits for them; this route is a wire tap.
                .to(producer(KafkaSettings.EVENTS, 20))
                .filter(header("syncStatus").isNotEqualTo("success"))
                    .setHeader("reason", constant("sync failed"))
                    .to(producer(KafkaSettings.DLQ))
                .end();
    }
}
