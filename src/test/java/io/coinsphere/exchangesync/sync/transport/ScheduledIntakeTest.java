package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.kafka.KafkaSettings;
import io.coinsphere.exchangesync.sync.SyncEnqueuer;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.sync.SyncProperties;
import io.coinsphere.exchangesync.sync.SyncQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scheduled record from the consumer to the queue: registered with the tracker before it is queued, and a
 * malformed one neither registered nor queued (the route sends it to the DLQ). A fan-out claim carries its
 * claim time, so the resolver needs no database here.
 */
class ScheduledIntakeTest {

    private final SyncQueue queue = new SyncQueue();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final List<Long> committed = new ArrayList<>();
    private final OffsetTracker tracker = new OffsetTracker(0, System::nanoTime, false);
    private final ScheduledIntake intake;

    ScheduledIntakeTest() {
        camel.getRegistry().bind("syncQueue", queue);
        camel.start();
        SyncProperties properties = new SyncProperties(Duration.ofSeconds(30), true, 200, 1000, 2, Duration.ofMinutes(5), Duration.ofSeconds(10), "",
                new SyncProperties.Retry(3, Duration.ofSeconds(5), 2.0, 8),
                new SyncProperties.Throttle(0.85, 4, Duration.ofMillis(500)));
        intake = new ScheduledIntake(new SyncRequestResolver(null), tracker, new SyncEnqueuer(camel, queue, properties), queue,
                properties);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Exchange record(long offset, String value) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(value.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, KafkaSettings.SCHEDULED);
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, 0);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, offset);
        exchange.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) () -> committed.add(offset));
        return exchange;
    }

    @Test
    void aClaimIsRegisteredQueuedWithItsClaimTimeAndCommittedOnlyWhenItsSyncFinished() throws Exception {
        UUID id = UUID.randomUUID();
        OffsetDateTime claimedAt = OffsetDateTime.parse("2026-11-27T10:00:00Z");

        intake.process(record(7, SyncRequestMessage.forConnection(id, "scheduled", claimedAt)));

        assertThat(tracker.pending()).isEqualTo(1);
        Exchange queued = queue.poll();
        assertThat(queued.getMessage().getHeader(SyncHeaders.CONNECTION_ID)).isEqualTo(id);
        assertThat(queued.getMessage().getHeader(SyncHeaders.CLAIMED_AT, String.class)).isEqualTo(claimedAt.toString());
        assertThat(queued.getMessage().getHeader(SyncHeaders.PRIORITY)).isEqualTo(SyncQueue.SCHEDULED);
        assertThat(committed).isEmpty();

        // What the worker's onCompletion does with the queued copy.
        tracker.completed(queued);
        assertThat(committed).containsExactly(7L);
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void aMalformedRecordIsNeitherRegisteredNorQueued() {
        assertThatThrownBy(() -> intake.process(record(3, "{\"connectionId\":\"not-a-uuid\"}")))
                .isInstanceOf(SyncRequestMessage.Malformed.class);
        assertThat(tracker.pending()).isZero();
        assertThat(queue).isEmpty();
    }
}
