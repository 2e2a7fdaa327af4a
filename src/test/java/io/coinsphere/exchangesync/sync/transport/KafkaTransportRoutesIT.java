package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.RouteTest;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** When set, the send to the requests topic fails as it does while the broker is away. */
    private static final AtomicBoolean BROKER_DOWN = new AtomicBoolean();

    @BeforeEach
    void adviseOnce() throws Exception {
        if (!advised) {
            AdviceWith.adviceWith(camel, "sync-request-send", a -> a.weaveByToUri("kafka:*").replace()
                    .to("mock:kafka-requests").process(e -> {
                        if (BROKER_DOWN.get()) {
                            throw new IllegalStateException("scripted: the broker did not acknowledge");
                        }
                    }));
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
        BROKER_DOWN.set(false);
    }

    /** The choice route in between adds no error handling: the REST policy still turns the failure into a 503. */
    @Test
    void aRequestTheBrokerDoesNotTakeIsA503ForTheClient() {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")));
        BROKER_DOWN.set(true);

        ApiClient.Response response = user.post("/api/v1/exchanges/connections/" + id + "/sync", null);

        assertThat(response.status()).as(response.raw()).isEqualTo(503);
        assertThat(response.text("error")).isEqualTo("queue_unavailable");
        assertThat(mock("kafka-requests").getReceivedCounter()).isEqualTo(1);
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
