package io.coinsphere.exchangesync.sync;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/**
 * The in-process sync queue behind the SEDA endpoint: manual syncs go ahead of scheduled ones,
 * first come first served within each. Unbounded so a manual sync is never refused; the fan-out
 * keeps it short with {@link #awaitBelow(int)}.
 */
public class SyncQueue extends PriorityBlockingQueue<Exchange> {

    public static final int MANUAL = 0;
    public static final int SCHEDULED = 1;

    private static final Comparator<Exchange> ORDER = Comparator
            .comparingInt((Exchange e) -> e.getMessage().getHeader(SyncHeaders.PRIORITY, SCHEDULED, Integer.class))
            .thenComparingLong(e -> e.getMessage().getHeader(SyncHeaders.SEQUENCE, 0L, Long.class));

    private final AtomicLong sequence = new AtomicLong();

    public SyncQueue() {
        super(1024, ORDER);
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
