package io.coinsphere.exchangesync.live;

import io.coinsphere.exchangesync.sync.SyncEvent;
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
 * Opens live streams, beats their hearts and caps how many one user, one client address and the whole instance
 * hold. Streams end before the web server's graceful shutdown, which would otherwise wait for them as active
 * requests. The bus calls its subscribers on the sync worker's thread: this class is its one subscriber and only
 * hands each event to a small pool of our own, which finds the user's streams and writes the frames, so neither
 * a slow browser nor many open streams ever hold up a sync.
 */
@Component
public class LiveStreams implements SmartLifecycle, DisposableBean {

    /** Raised when the user, the client address or the instance already holds as many streams as allowed. */
    public static class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("too many open event streams", null, false, false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    private final SyncEvents events;
    private final LiveProperties properties;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Set<LiveStream>> byUser = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Runnable unsubscribe;
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
        // On the sync worker's thread: one hand-off, whatever the number of streams.
        this.unsubscribe = events.subscribe(event -> writers.execute(() -> deliver(event)));
    }

    private void deliver(SyncEvent event) {
        Set<LiveStream> streams = event.userId() == null ? null : byUser.get(event.userId());
        if (streams != null) {
            streams.forEach(stream -> stream.accept(event));
        }
    }

    /** Opens a stream for {@code userId} without an address cap (tests). */
    public LiveStream open(UUID userId, LiveStream.Sink sink) {
        return open(userId, null, sink);
    }

    /**
     * Opens a stream for {@code userId} from the client {@code address} (null: not counted per address); it receives
     * events before the {@code ready} frame is sent.
     */
    public LiveStream open(UUID userId, String address, LiveStream.Sink sink) {
        AtomicInteger user = perUser.computeIfAbsent(userId, id -> new AtomicInteger());
        AtomicInteger client = address == null ? new AtomicInteger() : perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        boolean over = total.incrementAndGet() > properties.maxStreams();
        over |= user.incrementAndGet() > properties.maxStreamsPerUser();
        over |= client.incrementAndGet() > properties.maxStreamsPerAddress();
        if (over) {
            total.decrementAndGet();
            user.decrementAndGet();
            client.decrementAndGet();
            throw new TooManyStreams();
        }
        LiveStream stream = new LiveStream(userId, sink);
        stream.whenClosed(() -> {
            open.remove(stream);
            byUser.computeIfPresent(userId, (id, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            });
            total.decrementAndGet();
            user.decrementAndGet();
            if (client.decrementAndGet() == 0 && address != null) {
                perAddress.remove(address, client);
            }
        });
        byUser.compute(userId, (id, set) -> {
            Set<LiveStream> streams = set == null ? ConcurrentHashMap.newKeySet() : set;
            streams.add(stream);
            return streams;
        });
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
        unsubscribe.run();
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
