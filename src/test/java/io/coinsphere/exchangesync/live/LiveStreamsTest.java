package io.coinsphere.exchangesync.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.sync.SyncEvent;
import io.coinsphere.exchangesync.sync.SyncEvents;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveStreamsTest {

    private final SyncEvents events = new SyncEvents();
    private final LiveStreams streams = new LiveStreams(events, new LiveProperties(Duration.ofMillis(20), Duration.ofMinutes(1), 2, 50, 2000));
    private final UUID alice = UUID.randomUUID();

    @AfterEach
    void stop() {
        streams.destroy();
    }

    private void publishFor(UUID userId) {
        events.publish(new SyncEvent(UUID.randomUUID(), userId, "kraken", "error", OffsetDateTime.now(), List.of(),
                "Kraken could not be reached"));
    }

    @Test
    void sendsReadyFirstThenTheUsersEventsAndHeartbeats() {
        RecordingSink sink = new RecordingSink();
        streams.open(alice, sink);
        assertThat(sink.frames).first().isEqualTo("event:ready");

        publishFor(UUID.randomUUID());
        publishFor(alice);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sink.frames).contains("event:sync", ":heartbeat"));
        assertThat(sink.frames).filteredOn("event:sync"::equals).hasSize(1);
    }

    @Test
    void closingUnsubscribesAndFreesTheUsersSlot() {
        RecordingSink sink = new RecordingSink();
        LiveStream stream = streams.open(alice, sink);
        streams.open(alice, new RecordingSink());
        assertThatThrownBy(() -> streams.open(alice, new RecordingSink())).isInstanceOf(LiveStreams.TooManyStreams.class);
        assertThat(streams.openStreams()).isEqualTo(2);

        stream.close();
        publishFor(alice);

        assertThat(streams.openStreams()).isEqualTo(1);
        assertThat(streams.open(alice, new RecordingSink()).isClosed()).isFalse();
        // The bus calls subscribers synchronously: an event after close never reaches the writers.
        assertThat(sink.frames).doesNotContain("event:sync");
    }

    @Test
    void oneAddressAndTheWholeInstanceHaveCapsToo() {
        LiveStreams capped = new LiveStreams(events, new LiveProperties(Duration.ofMinutes(1), Duration.ofMinutes(1), 8, 2, 3));
        try {
            LiveStream first = capped.open(UUID.randomUUID(), "203.0.113.7", new RecordingSink());
            capped.open(UUID.randomUUID(), "203.0.113.7", new RecordingSink());
            assertThatThrownBy(() -> capped.open(UUID.randomUUID(), "203.0.113.7", new RecordingSink()))
                    .as("a third account from the same address").isInstanceOf(LiveStreams.TooManyStreams.class);
            capped.open(UUID.randomUUID(), "198.51.100.9", new RecordingSink());
            assertThatThrownBy(() -> capped.open(UUID.randomUUID(), "192.0.2.1", new RecordingSink()))
                    .as("the instance's cap").isInstanceOf(LiveStreams.TooManyStreams.class);
            first.close();
            assertThat(capped.open(UUID.randomUUID(), "203.0.113.7", new RecordingSink()).isClosed()).isFalse();
            assertThat(capped.openStreams()).isEqualTo(3);
        } finally {
            capped.destroy();
        }
    }

    @Test
    void eventsAreDeliveredOffThePublishersThread() {
        java.util.List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        LiveStream.Sink sink = new LiveStream.Sink() {
            @Override
            public void event(String name, Object data) {
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void comment(String text) {
            }

            @Override
            public void complete() {
            }
        };
        streams.open(alice, sink);
        threads.clear();
        publishFor(alice);
        await().atMost(Duration.ofSeconds(5)).until(() -> !threads.isEmpty());
        assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("live-writer"));
    }

    @Test
    void aClientThatIsGoneIsDroppedAtTheNextHeartbeat() {
        RecordingSink sink = new RecordingSink();
        LiveStream stream = streams.open(alice, sink);
        sink.gone = true;

        await().atMost(Duration.ofSeconds(5)).until(stream::isClosed);
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void shutdownEndsEveryStream() {
        RecordingSink sink = new RecordingSink();
        LiveStream stream = streams.open(alice, sink);

        streams.destroy();

        assertThat(stream.isClosed()).isTrue();
        assertThat(sink.completions).isEqualTo(1);
    }
}
