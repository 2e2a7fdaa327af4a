package io.coinsphere.exchangesync.sync.transport;

import io.coinsphere.exchangesync.sync.SyncEnqueuer;
import io.coinsphere.exchangesync.sync.SyncProperties;
import io.coinsphere.exchangesync.sync.SyncQueue;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * One scheduled record from Kafka to the local sync queue in one step: parse it, register its offset with
 * the {@link OffsetTracker} (committed only once its sync finished), queue it, and hold the consumer
 * while the local queue is past its high-water mark so the rest waits in Kafka. One step instead of four bean
 * invocations and a split per record (docs/benchmarks.md); a malformed record still throws to the route's DLQ handling.
 */
@Component
public class ScheduledIntake implements Processor {

    private final SyncRequestResolver resolver;
    private final OffsetTracker tracker;
    private final SyncEnqueuer enqueuer;
    private final SyncQueue queue;
    private final int watermark;

    public ScheduledIntake(SyncRequestResolver resolver, OffsetTracker tracker, SyncEnqueuer enqueuer, SyncQueue syncQueue,
            SyncProperties properties) {
        this.resolver = resolver;
        this.tracker = tracker;
        this.enqueuer = enqueuer;
        this.queue = syncQueue;
        this.watermark = properties.queueHighWatermark();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<UUID> ids = resolver.resolve(exchange);
        exchange.getMessage().setBody(ids);
        // Registered before it is queued: a sync that finishes at once must find its offset pending.
        tracker.register(exchange);
        enqueuer.enqueue(exchange);
        queue.awaitBelow(watermark);
    }
}
