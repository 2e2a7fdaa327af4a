package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SyncThrottleTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    /** Limit 2 after two saturated steps from 3 (3 -> 2), minimum 1. */
    private final SyncThrottle throttle = new SyncThrottle(new ThrottleRule(1, 3, 0.85));
    private final SyncQueue queue = new SyncQueue(throttle);

    private Exchange message(String connection, String trigger) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(SyncHeaders.CONNECTION_ID, connection);
        exchange.getMessage().setHeader(SyncHeaders.TRIGGER, trigger);
        queue.stamp(exchange);
        return exchange;
    }

    private static String id(Exchange exchange) {
        return exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID, String.class);
    }

    @Test
    void theQueueHandsOutNoMoreSyncsThanTheLimitAndTheNextOneOnRelease() throws Exception {
        throttle.adjust(1.0, true);
        assertThat(throttle.limit()).isEqualTo(2);
        for (int i = 1; i <= 3; i++) {
            queue.add(message("s" + i, "scheduled"));
        }

        Exchange first = queue.poll(1, TimeUnit.SECONDS);
        Exchange second = queue.poll(1, TimeUnit.SECONDS);
        assertThat(queue.poll(50, TimeUnit.MILLISECONDS)).as("a third sync past the limit").isNull();
        assertThat(throttle.running()).isEqualTo(2);
        assertThat(queue).hasSize(1);

        throttle.release(first);
        throttle.release(first);
        assertThat(id(queue.poll(1, TimeUnit.SECONDS))).isEqualTo("s3");
        assertThat(throttle.running()).as("a second release of one sync gives nothing back").isEqualTo(2);
        assertThat(id(second)).isEqualTo("s2");
    }

    @Test
    void aManualSyncQueuedWhileWorkersWaitForAPermitStillGoesFirst() throws Exception {
        throttle.adjust(1.0, true);
        throttle.adjust(1.0, true);
        assertThat(throttle.limit()).isEqualTo(1);
        queue.add(message("s1", "scheduled"));
        queue.add(message("s2", "scheduled"));
        Exchange running = queue.poll(1, TimeUnit.SECONDS);

        CompletableFuture<Exchange> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.poll(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        queue.add(message("m1", "manual"));
        throttle.release(running);

        assertThat(id(waiting.get(5, TimeUnit.SECONDS))).isEqualTo("m1");
    }

    @Test
    void raisingTheLimitWakesAWaitingWorker() throws Exception {
        throttle.adjust(1.0, true);
        throttle.adjust(1.0, true);
        queue.add(message("s1", "scheduled"));
        queue.add(message("s2", "scheduled"));
        queue.poll(1, TimeUnit.SECONDS);

        CompletableFuture<Exchange> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.poll(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        throttle.adjust(0.2, true);

        assertThat(throttle.limit()).isEqualTo(2);
        assertThat(id(waiting.get(5, TimeUnit.SECONDS))).isEqualTo("s2");
    }

    @Test
    void aWorkerThatFindsNoSyncGivesItsPermitBack() throws Exception {
        assertThat(queue.poll(20, TimeUnit.MILLISECONDS)).isNull();
        assertThat(throttle.running()).isZero();
        for (int i = 1; i <= 3; i++) {
            queue.add(message("s" + i, "scheduled"));
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(queue.poll(50, TimeUnit.MILLISECONDS)).as("sync %d of a limit of 3", i).isNotNull();
        }
    }
}
