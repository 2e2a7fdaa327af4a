package io.coinsphere.exchangesync.exchange.guard;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling an exchange after {@code threshold} consecutive failures (5xx, timeouts, connection
 * errors) for {@code openFor}; then lets one probe through (half-open), which closes it on success
 * or opens it again on failure. Any answer that shows the exchange is up (even a rejected key) closes it.
 */
final class CircuitBreaker {

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private int consecutiveFailures;
    private long openUntil;
    private boolean open;
    private boolean probing;

    CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoClock) {
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Nanoseconds until calls may go again, or 0 if this call may go now (possibly as the probe). */
    synchronized long blockedFor() {
        if (!open) {
            return 0;
        }
        long wait = openUntil - nanoClock.getAsLong();
        if (wait > 0) {
            return wait;
        }
        if (probing) {
            return Math.max(1, openForNanos / 10); // one probe at a time; the others wait for its verdict
        }
        probing = true;
        return 0;
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
        open = false;
        probing = false;
    }

    synchronized void failed() {
        consecutiveFailures++;
        if (probing || consecutiveFailures >= threshold) {
            open = true;
            probing = false;
            openUntil = nanoClock.getAsLong() + openForNanos;
        }
    }

    synchronized boolean isOpen() {
        return open;
    }

    /** 0 closed, 1 open, 2 half-open (one probe allowed or out): for the state gauge. */
    synchronized int state() {
        if (!open) {
            return 0;
        }
        return probing || openUntil - nanoClock.getAsLong() <= 0 ? 2 : 1;
    }
}
