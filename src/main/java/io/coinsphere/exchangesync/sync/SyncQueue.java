package io.coinsphere.exchangesync.sync;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/**
 * The in-process sync queue behind the SEDA endpoint: manual syncs go ahead of scheduled ones,
 * first come first served within each. Unbounded so a manual sync is never refused; the fan-out
 * keeps it short with {@link #awaitBelow(int)}. A worker gets a sync only with a permit of the
 * {@link SyncThrottle}; deciding at hand-out keeps manual syncs first, where a gate after the hand-out
 * would leave every worker holding a scheduled sync in front of it.
 */
public class SyncQueue extends PriorityBlockingQueue<Exchange> {

    public static final int MANUAL = 0;
    public static final int SCHEDULED = 1;

    private static final Comparator<Exchange> ORDER = Comparator
            .comparingInt((Exchange e) -> e.getMessage().getHeader(SyncHeaders.PRIORITY, SCHEDULED, Integer.class))
            .thenComparingLong(e -> e.getMessage().getHeader(SyncHeaders.SEQUENCE, 0L, Long.class));

    private final AtomicLong sequence = new AtomicLong();
    private final SyncThrottle throttle;

    /** A queue without a concurrency limit (tests). */
    public SyncQueue() {
        this(new SyncThrottle(new ThrottleRule(1, Integer.MAX_VALUE, 1)));
    }

    public SyncQueue(SyncThrottle throttle) {
        super(1024, ORDER);
        this.throttle = throttle;
    }

    /**
     * What the SEDA workers call: waits for a permit, then for a sync, both within the timeout. The sync carries
     * its permit in an exchange property until {@link SyncThrottle#release(Exchange)}.
     */
    @Override
    public Exchange poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!throttle.acquire(timeout, unit)) {
            return null;
        }
        Exchange exchange = null;
        try {
            exchange = super.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } finally {
            if (exchange == null) {
                throttle.release();
            }
        }
        if (exchange != null) {
            throttle.handOut(exchange);
        }
        return exchange;
    }

    /** Sets the ordering headers of a sync message from its trigger. */
    public void stamp(Exchange exchange) {
        String trigger = exchange.getMessage().getHeader(SyncHeaders.TRIGGER, "scheduled", String.class);
        exchange.getMessage().setHeader(SyncHeaders.PRIORITY, "manual".equals(trigger) ? MANUAL : SCHEDULED);
        exchange.getMessage().setHeader(SyncHeaders.SEQUENCE, sequence.incrementAndGet());
    }

    /** Blocks the fan-out while more than {@code watermark} syncs wait, so memory stays flat in N. */
    public void awaitBelow(int watermark) throws InterruptedException {
        while (size() > watermark) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
