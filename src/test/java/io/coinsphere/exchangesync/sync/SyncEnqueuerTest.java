package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue side only: a real SEDA endpoint on the real {@link SyncQueue}, with no worker consuming it. */
class SyncEnqueuerTest {

    private final SyncQueue queue = new SyncQueue();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final SyncEnqueuer enqueuer;

    SyncEnqueuerTest() {
        camel.getRegistry().bind("syncQueue", queue);
        camel.start();
        SyncProperties properties = new SyncProperties(Duration.ofSeconds(30), true, 200, 1000, 2, Duration.ofMinutes(5), Duration.ofSeconds(10), "",
                new SyncProperties.Retry(3, Duration.ofSeconds(5), 2.0, 8),
                new SyncProperties.Throttle(0.85, 4, Duration.ofMillis(500)));
        enqueuer = new SyncEnqueuer(camel, queue, properties);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private List<Exchange> drain() {
        List<Exchange> queued = new ArrayList<>();
        queue.drainTo(queued);
        return queued;
    }

    @Test
    void eachIdBecomesItsOwnMessageWithTheCallersHeadersAndItsPlaceInTheQueue() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Exchange request = new DefaultExchange(camel);
        request.getMessage().setBody(List.of(first, second));
        request.getMessage().setHeader(SyncHeaders.TRIGGER, "manual");
        request.getMessage().setHeader("correlationId", "c-1");

        enqueuer.enqueue(request);

        List<Exchange> queued = drain();
        assertThat(queued).extracting(e -> e.getMessage().getHeader(SyncHeaders.CONNECTION_ID)).containsExactly(first, second);
        assertThat(queued).extracting(e -> e.getMessage().getBody()).containsExactly(first, second);
        assertThat(queued).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(SyncHeaders.PRIORITY)).isEqualTo(SyncQueue.MANUAL);
            assertThat(e.getMessage().getHeader("correlationId")).isEqualTo("c-1");
            assertThat(e).isNotSameAs(request);
        });
        assertThat(queued.get(0).getMessage().getHeader(SyncHeaders.SEQUENCE, Long.class))
                .isLessThan(queued.get(1).getMessage().getHeader(SyncHeaders.SEQUENCE, Long.class));
    }

    @Test
    void aRestRequestIsNotKeptWaitingForTheSyncAndGetsItsExchangeBackAsItCame() throws Exception {
        UUID id = UUID.randomUUID();
        List<UUID> ids = List.of(id);
        Exchange request = new DefaultExchange(camel, ExchangePattern.InOut);
        request.getMessage().setBody(ids);
        request.getMessage().setHeader(SyncHeaders.TRIGGER, "scheduled");

        // Returns although nothing consumes the queue: an InOut caller would otherwise wait for a reply.
        enqueuer.enqueue(request);

        assertThat(request.getPattern()).isEqualTo(ExchangePattern.InOut);
        assertThat(request.getMessage().getBody()).isSameAs(ids);
        // platform-http would send these back as response headers.
        assertThat(request.getMessage().getHeaders()).containsOnlyKeys(SyncHeaders.TRIGGER);
        List<Exchange> queued = drain();
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).getPattern()).isEqualTo(ExchangePattern.InOnly);
        assertThat(queued.get(0).getMessage().getHeader(SyncHeaders.PRIORITY)).isEqualTo(SyncQueue.SCHEDULED);
    }
}
