package io.coinsphere.exchangesync.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Gives back the concurrency permit of a sync attempt ({@link SyncThrottle#release(Exchange)}): a failed attempt
 * releases it before its retry waits out the backoff, a finished sync when it completes. Releasing twice is harmless.
 */
public class PermitRelease implements Processor {

    private final SyncThrottle throttle;

    PermitRelease(SyncThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void process(Exchange exchange) {
        throttle.release(exchange);
    }
}
