package io.coinsphere.exchangesync.live;

import io.coinsphere.exchangesync.sync.SyncEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open event stream of one user. It passes on only that user's sync events, and tidies up
 * exactly once when it ends, whoever ends it: the client leaving, a failed write, the timeout or shutdown.
 */
final class LiveStream {

    /** Where the stream's frames go. An {@link IOException} means the client is gone. */
    interface Sink {
        void event(String name, Object data) throws IOException;

        void comment(String text) throws IOException;

        /** Ends the response; may call back into {@link LiveStream#close()}. */
        void complete();
    }

    @FunctionalInterface
    private interface Frame {
        void write() throws IOException;
    }

    private final UUID userId;
    private final Sink sink;
    private final List<Runnable> cleanups = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    LiveStream(UUID userId, Sink sink) {
        this.userId = userId;
        this.sink = sink;
    }

    UUID userId() {
        return userId;
    }

    /** SECURITY: the one check that keeps users from seeing each other's syncs. */
    boolean wants(SyncEvent event) {
        // A market-wide event (new prices) carries no user's data; every stream may see it.
        return !closed.get() && (userId.equals(event.userId()) || event.isMarketWide());
    }

    void accept(SyncEvent event) {
        if (wants(event)) {
            send(() -> sink.event(event.isMarketWide() ? "prices" : "sync", LiveMessage.of(event)));
        }
    }

    /** Tells the page the subscription is in place, so it knows that nothing after this is missed. */
    void ready() {
        send(() -> sink.event("ready", Map.of("heartbeat", true)));
    }

    void heartbeat() {
        send(() -> sink.comment("heartbeat"));
    }

    /** Runs {@code cleanup} when the stream closes (at once if it already has). */
    void whenClosed(Runnable cleanup) {
        cleanups.add(cleanup);
        if (closed.get() && cleanups.remove(cleanup)) {
            cleanup.run();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Runnable cleanup : cleanups) {
            if (cleanups.remove(cleanup)) {
                cleanup.run();
            }
        }
        sink.complete();
    }

    private void send(Frame frame) {
        if (closed.get()) {
            return;
        }
        try {
            frame.write();
        } catch (IOException | IllegalStateException gone) {
            // The client went away (or the response already ended): stop sending and unsubscribe.
            close();
        }
    }
}
