package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.support.RouteTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport switch with Kafka on (sync-transport.camel.yaml): each entry point goes to its Kafka route, never to
 * the in-process one. The sends to the broker are replaced by mock endpoints; KafkaFlowIT covers the real trip.
 */
class KafkaTransportRoutesIT extends RouteTest {

    private static volatile boolean advised;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (!advised) {
            AdviceWith.adviceWith(camel, "sync-request-publish", a -> a.interceptSendToEndpoint("direct:sync-request-send")
                    .skipSendToOriginalEndpoint().to("mock:kafka-requests"));
            AdviceWith.adviceWith(camel, "sync-schedule-publish", a -> a.interceptSendToEndpoint("direct:sync-schedule-send")
                    .skipSendToOriginalEndpoint().to("mock:kafka-scheduled"));
            AdviceWith.adviceWith(camel, "sync-events-publish", a -> a.weaveAddFirst().to("mock:kafka-events").stop());
            for (String route : List.of("sync-request-local", "sync-schedule-local", "sync-events-local")) {
                AdviceWith.adviceWith(camel, route, a -> a.weaveAddFirst().to("mock:local").stop());
            }
            advised = true;
        }
        for (String mock : List.of("kafka-requests", "kafka-scheduled", "kafka-events", "local")) {
            camel.getEndpoint("mock:" + mock, MockEndpoint.class).reset();
        }
    }

    @Test
    void everyEntryPointGoesToItsKafkaRoute() throws Exception {
        mock("kafka-requests").expectedMessageCount(1);
        mock("kafka-scheduled").expectedMessageCount(1);
        mock("kafka-events").expectedMessageCount(1);
        mock("local").expectedMessageCount(0);

        var producer = camel.createProducerTemplate();
        producer.sendBodyAndHeader("direct:sync-request", List.of(UUID.randomUUID()), SyncHeaders.TRIGGER, "manual");
        producer.sendBodyAndHeader("direct:sync-schedule", List.of(UUID.randomUUID()), SyncHeaders.TRIGGER, "scheduled");
        producer.sendBody("direct:sync-events-out", "an event");

        MockEndpoint.assertIsSatisfied(camel, 10, TimeUnit.SECONDS);
    }

    @Test
    void theKafkaConsumersRun() {
        assertThat(camel.getRouteController().getRouteStatus("sync-requests-consumer")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("sync-scheduled-consumer")).isEqualTo(ServiceStatus.Started);
    }

    private MockEndpoint mock(String name) {
        return camel.getEndpoint("mock:" + name, MockEndpoint.class);
    }
}
