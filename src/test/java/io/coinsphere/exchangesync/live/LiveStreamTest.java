package io.coinsphere.exchangesync.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.sync.SyncEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveStreamTest {

    private final UUID alice = UUID.randomUUID();
    private final RecordingSink sink = new RecordingSink();
    private final LiveStream stream = new LiveStream(alice, sink);

    private static SyncEvent event(UUID userId, String status) {
        return new SyncEvent(UUID.randomUUID(), userId, "binance", status, OffsetDateTime.now(),
                List.of(new SyncEvent.Asset("BTC", "1.000000000000000001")), null);
    }

    @Test
    void passesOnOnlyTheOwnersEvents() {
        stream.accept(event(UUID.randomUUID(), "success"));
        stream.accept(event(alice, "success"));

        assertThat(sink.frames).containsExactly("event:sync");
        LiveMessage message = (LiveMessage) sink.data.get(0);
        assertThat(message.status()).isEqualTo("success");
        assertThat(message.assets()).containsExactly(new SyncEvent.Asset("BTC", "1.000000000000000001"));
    }

    @Test
    void newPricesReachEveryStreamAsAPricesFrameWithoutAnyonesData() {
        stream.accept(SyncEvent.pricesRefreshed(OffsetDateTime.now()));
        // A user-less event that is not the prices event is still nobody's to see.
        stream.accept(new SyncEvent(null, null, "binance", "success", OffsetDateTime.now(), List.of(), null));

        assertThat(sink.frames).containsExactly("event:prices");
        LiveMessage message = (LiveMessage) sink.data.get(0);
        assertThat(message.status()).isEqualTo("prices");
        assertThat(message.connectionId()).isNull();
        assertThat(message.assets()).isEmpty();
    }

    @Test
    void theMessageLeavesOutTheUserId() {
        assertThat(LiveMessage.class.getRecordComponents()).extracting(c -> c.getName()).doesNotContain("userId");
    }

    @Test
    void aGoneClientClosesTheStreamAndRunsEveryCleanupOnce() {
        AtomicInteger cleanups = new AtomicInteger();
        stream.whenClosed(cleanups::incrementAndGet);
        sink.gone = true;

        stream.heartbeat();
        stream.accept(event(alice, "success"));
        stream.close();

        assertThat(stream.isClosed()).isTrue();
        assertThat(cleanups).hasValue(1);
        assertThat(sink.completions).isEqualTo(1);
    }

    @Test
    void aClosedStreamWantsNothingAndRunsLateCleanupsAtOnce() {
        stream.close();
        AtomicInteger late = new AtomicInteger();
        stream.whenClosed(late::incrementAndGet);

        assertThat(stream.wants(event(alice, "success"))).isFalse();
        stream.ready();
        assertThat(sink.frames).isEmpty();
        assertThat(late).hasValue(1);
    }
}
