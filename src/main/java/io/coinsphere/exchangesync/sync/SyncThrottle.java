package io.coinsphere.exchangesync.sync;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;

/**
 * How many syncs may run at once on this instance: between {@code minWorkers} and {@code workers}, moved by
 * {@link ThrottleRule} from the machine's CPU load. Exchange calls are I/O, so a slow exchange needs many syncs in
 * flight; but when the cores are the bottleneck, more syncs only queue for them, and so does every API request
 * behind them. The queue hands a sync out only with a permit ({@link SyncQueue#poll(long, TimeUnit)}); the worker
 * gives it back when the attempt ends.
 */
class SyncThrottle {

    /** Exchange property: this exchange holds a permit. */
    static final String PERMIT = "coinsphereSyncPermit";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final ThrottleRule rule;
    private int limit;
    /** Permits taken: syncs running plus workers holding one while they wait for a sync. */
    private int inFlight;
    private final AtomicInteger running = new AtomicInteger();

    public SyncThrottle(ThrottleRule rule) {
        this.rule = rule;
        this.limit = rule.initial();
    }

    /** Waits up to the timeout for a permit; false when none came. */
    boolean acquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = freed.awaitNanos(nanos);
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            inFlight--;
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The permit goes with the sync until {@link #release(Exchange)}. */
    void handOut(Exchange exchange) {
        exchange.setProperty(PERMIT, Boolean.TRUE);
        running.incrementAndGet();
    }

    /**
     * Gives back the permit the exchange holds, once: called when the attempt fails (a retry waits without one) and
     * again when the exchange completes.
     */
    public void release(Exchange exchange) {
        if (exchange.getProperty(PERMIT) != null) {
            exchange.removeProperty(PERMIT);
            running.decrementAndGet();
            release();
        }
    }

    /** One control step: the CPU load of the last interval (0-1, negative when unknown) and whether syncs wait. */
    public void adjust(double cpuLoad, boolean backlog) {
        lock.lock();
        try {
            int next = rule.next(limit, cpuLoad, backlog);
            if (next > limit) {
                freed.signalAll();
            }
            limit = next;
        } finally {
            lock.unlock();
        }
    }

    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** Syncs holding a permit now. */
    public int running() {
        return running.get();
    }
}
