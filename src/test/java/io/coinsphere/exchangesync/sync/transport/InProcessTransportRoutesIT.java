package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.kafka.KafkaBootstrap;
import io.coinsphere.exchangesync.ops.Correlation;
import io.coinsphere.exchangesync.support.RouteTest;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The transport switch with Kafka off (sync-transport.camel.yaml): a request goes to this instance's queue with
 * only the headers the Kafka path would carry, no Kafka route runs and no broker exists.
 */
@TestPropertySource(properties = "coinsphere.kafka.enabled=false")
class InProcessTransportRoutesIT extends RouteTest {

    private static volatile boolean advised;

    @Autowired
    private ApplicationContext spring;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (!advised) {
            AdviceWith.adviceWith(camel, "sync-request-local", a -> a.interceptSendToEndpoint("direct:sync-enqueue")
                    .skipSendToOriginalEndpoint().to("mock:enqueued"));
            advised = true;
        }
        camel.getEndpoint("mock:enqueued", MockEndpoint.class).reset();
    }

    @Test
    void theRestRequestsHeadersStayBehind() throws Exception {
        MockEndpoint enqueued = camel.getEndpoint("mock:enqueued", MockEndpoint.class);
        enqueued.expectedMessageCount(1);
        Map<String, Object> headers = new HashMap<>();
        headers.put("Authorization", "Bearer eyJ.secret.token");
        headers.put("Cookie", "session=secret");
        headers.put(SyncHeaders.USER_ID, UUID.randomUUID().toString());
        headers.put(SyncHeaders.EXCHANGE, "kraken");
        headers.put(SyncHeaders.PRIORITY, "0");
        headers.put("X-Anything", "from the client");
        headers.put(SyncHeaders.TRIGGER, "manual");
        headers.put(Correlation.HEADER, "req-1234");

        camel.createProducerTemplate().sendBodyAndHeaders("direct:sync-request", List.of(UUID.randomUUID()), headers);

        MockEndpoint.assertIsSatisfied(camel, 10, TimeUnit.SECONDS);
        assertThat(enqueued.getExchanges().get(0).getMessage().getHeaders())
                .containsOnlyKeys(SyncHeaders.TRIGGER, Correlation.HEADER)
                .containsEntry(SyncHeaders.TRIGGER, "manual");
    }

    @Test
    void noKafkaRouteRunsAndNoBrokerExists() {
        for (String route : List.of("sync-requests-consumer", "sync-scheduled-consumer", "sync-request-publish",
                "sync-schedule-publish", "sync-events-publish")) {
            assertThat(camel.getRouteController().getRouteStatus(route)).as(route).isEqualTo(ServiceStatus.Stopped);
        }
        assertThat(spring.getBeanNamesForType(KafkaBootstrap.class)).isEmpty();
        assertThat(camel.getRouteController().getRouteStatus("sync-worker")).isEqualTo(ServiceStatus.Started);
    }
}
