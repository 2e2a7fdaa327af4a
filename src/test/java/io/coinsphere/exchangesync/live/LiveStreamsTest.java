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
    private final LiveStreams streams = new LiveStreams(events, new LiveProperties(Duration.ofMillis(20), Duration.ofMinutes(1), 2));
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
