package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.ops.Correlation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In-process mode hands the queue what the Kafka path would: the trigger and the correlation id, nothing a client sent. */
class InProcessSyncRoutesTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theRestRequestsHeadersStayBehind() throws Exception {
        camel.getRegistry().bind("syncQueue", new SyncQueue());
        camel.addRoutes(new InProcessSyncRoutes(new SyncProperties(Duration.ofSeconds(30), true, 200, 1000, 2,
                Duration.ofMinutes(5), new SyncProperties.Retry(3, Duration.ofSeconds(5), 2.0),
                new SyncProperties.Throttle(0.85, 4, Duration.ofMillis(500)))));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync-enqueue").routeId("test-enqueue").to("mock:enqueued");
            }
        });
        camel.start();
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

        enqueued.assertIsSatisfied();
        assertThat(enqueued.getExchanges().get(0).getMessage().getHeaders())
                .containsOnlyKeys(SyncHeaders.TRIGGER, Correlation.HEADER)
                .containsEntry(SyncHeaders.TRIGGER, "manual");
    }
}
