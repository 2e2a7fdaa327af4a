package io.coinsphere.exchangesync.live;

import io.coinsphere.exchangesync.sync.SyncEvents;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens live streams: subscribes each to the {@link SyncEvents} bus, beats its heart and caps how
 * many one user holds. Streams end before the web server's graceful shutdown, which would otherwise
 * wait for them as active requests. Frames are written on a small pool of our own, because the bus calls its
 * subscribers on the sync worker's thread and a slow browser must never hold up a sync.
 */
@Component
public class LiveStreams implements SmartLifecycle, DisposableBean {

    /** Raised when a user already holds {@link LiveProperties#maxStreamsPerUser()} streams. */
    public static class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("too many open event streams", null, false, false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    private final SyncEvents events;
    private final LiveProperties properties;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats;
    private final ExecutorService writers;
    private volatile boolean running = true;

    public LiveStreams(SyncEvents events, LiveProperties properties) {
        this.events = events;
        this.properties = properties;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("live-heartbeat"));
        // Frames are small and each is written once; when the queue is full the frame is dropped,
        // which only costs the page a refresh it also gets from the next event or heartbeat.
        this.writers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
                daemon("live-writer"), new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Opens a stream for {@code userId}; it is subscribed before the {@code ready} frame is sent. */
    public LiveStream open(UUID userId, LiveStream.Sink sink) {
        AtomicInteger count = perUser.computeIfAbsent(userId, id -> new AtomicInteger());
        if (count.incrementAndGet() > properties.maxStreamsPerUser()) {
            count.decrementAndGet();
            throw new TooManyStreams();
        }
        LiveStream stream = new LiveStream(userId, sink);
        stream.whenClosed(() -> {
            open.remove(stream);
            count.decrementAndGet();
        });
        Runnable unsubscribe = events.subscribe(event -> {
            if (stream.wants(event)) {
                writers.execute(() -> stream.accept(event));
            }
        });
        stream.whenClosed(unsubscribe);
        long every = Math.max(1, properties.heartbeat().toMillis());
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> writers.execute(stream::heartbeat),
                every, every, TimeUnit.MILLISECONDS);
        stream.whenClosed(() -> beat.cancel(false));
        open.add(stream);
        stream.ready();
        if (!running) {
            // Opened while shutting down: end it at once, the page reconnects to a running instance.
            stream.close();
        }
        return stream;
    }

    /** Streams open right now (for tests and metrics). */
    public int openStreams() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream (browsers reconnect, to another instance if this one goes away). */
    @Override
    public void stop() {
        running = false;
        if (!open.isEmpty()) {
            LOG.info("Ending {} live event stream(s) for shutdown", open.size());
        }
        open.forEach(LiveStream::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs before the web server's graceful shutdown (a lower phase), so no stream holds it up. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        stop();
        heartbeats.shutdownNow();
        writers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
