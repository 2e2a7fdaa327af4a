package io.coinsphere.exchangesync.config;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An embedded server started on a thread of its own as soon as the context begins to refresh, so that its start
 * overlaps the creation of the other beans instead of adding to it (docs/benchmarks.md, "Footprint"). The server's bean
 * takes it; one started for other settings than the bean's (a test's dynamic properties), or never taken (a failed
 * start of the context), is closed.
 *
 * @param <T> the server
 */
public final class EarlyStart<T extends AutoCloseable> {

    private final Object settings;
    private final Runnable onDiscard;
    private final CompletableFuture<T> starting = new CompletableFuture<>();
    private boolean taken;

    private EarlyStart(Object settings, Runnable onDiscard) {
        this.settings = settings;
        this.onDiscard = onDiscard;
    }

    /**
     * Starts {@code start} on a daemon thread named {@code thread}. {@code settings} is compared with the bean's
     * (equals); {@code onDiscard} runs when the server is closed here rather than taken.
     */
    public static <T extends AutoCloseable> EarlyStart<T> begin(String thread, Object settings, Callable<T> start, Runnable onDiscard) {
        EarlyStart<T> early = new EarlyStart<>(settings, onDiscard);
        Thread starter = new Thread(() -> {
            try {
                early.starting.complete(start.call());
            } catch (Throwable e) {
                early.starting.completeExceptionally(e);
            }
        }, thread);
        starter.setDaemon(true);
        starter.start();
        return early;
    }

    /** The server, once started, if it was started for {@code wanted}; null if taken before or started for others. */
    public synchronized T take(Object wanted) throws Exception {
        if (taken) {
            return null;
        }
        taken = true;
        T server;
        try {
            server = starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (settings.equals(wanted)) {
            return server;
        }
        discard(server);
        return null;
    }

    /** Closes the server if no bean took it. */
    public synchronized void close() throws Exception {
        if (taken) {
            return;
        }
        taken = true;
        T server;
        try {
            server = starting.join();
        } catch (CompletionException failedToStart) {
            onDiscard.run();
            return;
        }
        discard(server);
    }

    private void discard(T server) throws Exception {
        try {
            server.close();
        } finally {
            onDiscard.run();
        }
    }
}
