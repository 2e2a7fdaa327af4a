package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SyncQueueTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final SyncQueue queue = new SyncQueue();

    private Exchange message(String connection, String trigger) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(SyncHeaders.CONNECTION_ID, connection);
        exchange.getMessage().setHeader(SyncHeaders.TRIGGER, trigger);
        queue.stamp(exchange);
        return exchange;
    }

    @Test
    void manualSyncsGoAheadOfScheduledOnesAndEachKindStaysInOrder() {
        queue.add(message("s1", "scheduled"));
        queue.add(message("s2", "scheduled"));
        queue.add(message("m1", "manual"));
        queue.add(message("s3", "api"));
        queue.add(message("m2", "manual"));

        assertThat(java.util.stream.Stream.generate(queue::poll).limit(5)
                .map(e -> e.getMessage().getHeader(SyncHeaders.CONNECTION_ID, String.class)))
                .containsExactly("m1", "m2", "s1", "s2", "s3");
    }

    @Test
    void awaitBelowReturnsAtOnceWhenTheQueueIsShort() throws InterruptedException {
        queue.add(message("s1", "scheduled"));
        queue.awaitBelow(1);
        assertThat(queue).hasSize(1);
    }
}
