package io.coinsphere.exchangesync.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Contiguous, batched commits on a hand-moved clock (no flusher thread: the interval is driven by hand). */
class OffsetTrackerTest {

    private static final long INTERVAL = 200_000_000L;

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final List<String> committed = new ArrayList<>();
    private final OffsetTracker tracker = new OffsetTracker(INTERVAL, nanos::get, false);
    private final DefaultCamelContext camel = new DefaultCamelContext();

    private Exchange record(int partition, long offset) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, "t");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, partition);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, offset);
        exchange.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) () -> committed.add(partition + ":" + offset));
        tracker.register(exchange);
        return exchange;
    }

    @Test
    void commitsOnlyTheContiguousPrefixAndAtMostOncePerInterval() {
        Exchange r0 = record(0, 0);
        Exchange r1 = record(0, 1);
        Exchange r2 = record(0, 2);
        Exchange r3 = record(0, 3);

        tracker.completed(r1);
        assertThat(committed).as("offset 0 is still running").isEmpty();
        tracker.completed(r0);
        assertThat(committed).as("the first commit of a partition goes at once, covering 0 and 1").containsExactly("0:1");
        assertThat(tracker.pending("t")).isEqualTo(2);

        tracker.completed(r2);
        assertThat(committed).as("within the interval the commit waits").containsExactly("0:1");
        assertThat(tracker.pending("t")).as("finished but uncommitted records still count").isEqualTo(2);
        tracker.flush();
        assertThat(committed).containsExactly("0:1", "0:2");

        nanos.addAndGet(INTERVAL);
        tracker.completed(r3);
        assertThat(committed).as("after the interval a commit goes at once").containsExactly("0:1", "0:2", "0:3");
        assertThat(tracker.pending()).isZero();
        tracker.flush();
        assertThat(committed).as("nothing sent twice").hasSize(3);
    }

    @Test
    void partitionsAreIndependentAndAFinishedRecordIsCountedOnce() {
        Exchange a0 = record(0, 10);
        Exchange b0 = record(1, 10);
        Exchange b1 = record(1, 11);
        tracker.completed(b1);
        tracker.completed(b1);
        tracker.completed(a0);
        assertThat(committed).containsExactly("0:10");
        tracker.completed(b0);
        assertThat(committed).containsExactly("0:10", "1:11");
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void closeSendsWhatWaits() {
        Exchange r0 = record(0, 0);
        Exchange r1 = record(0, 1);
        tracker.completed(r0);
        tracker.completed(r1);
        assertThat(committed).containsExactly("0:0");
        tracker.close();
        assertThat(committed).containsExactly("0:0", "0:1");
    }
}
