package io.coinsphere.exchangesync.sync.transport;

import io.coinsphere.exchangesync.kafka.KafkaSettings;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Commits a Kafka offset only when every record before it in its partition has finished syncing.
 * Records are handed to the in-process worker queue and finish out of order; committing on
 * hand-off would lose them if the instance died, committing each on completion would skip
 * unfinished ones. So an instance that is killed loses nothing: the survivors get every record
 * after the last contiguous commit.
 *
 * <p>Commits are batched: a partition commits at once when its last commit is older than the commit
 * interval, otherwise its highest contiguous finished offset waits for the next flush (one commit covers
 * every record before it). A commit per record was a measurable share of the broker's work (docs/benchmarks.md); the price is
 * that a killed instance redelivers up to one interval more, which at-least-once delivery allows (a
 * scheduled duplicate is skipped by the lease, see sync-lease.sql).
 *
 * <p>A commit here is the only one the broker sees: camel-kafka's own commit managers also commit every
 * record they handed on, which is the loss this class exists to prevent ({@link TrackedManualCommitFactory}).
 */
@org.springframework.stereotype.Component
public class OffsetTracker {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetTracker.class);
    static final String TRACKED = "coinsphereTrackedOffset";

    /** Pending offsets of one partition, in order; true once finished. */
    private static final class Partition {
        final TreeMap<Long, Boolean> done = new TreeMap<>();
        final Map<Long, KafkaManualCommit> commits = new HashMap<>();
        /** The highest contiguous finished record's commit, not yet sent. */
        KafkaManualCommit unsent;
        /** Finished records that {@link #unsent} covers (counted as pending until it is sent). */
        int unsentRecords;
        long committedAt;
    }

    private final Map<String, Partition> partitions = new HashMap<>();
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final boolean scheduled;
    private ScheduledExecutorService flusher;

    @Autowired
    public OffsetTracker(KafkaSettings settings) {
        this(settings.commitInterval().toNanos(), System::nanoTime, true);
    }

    /** {@code scheduled=false}: no flusher thread, {@link #flush()} is called by the owner (tests). */
    OffsetTracker(long intervalNanos, LongSupplier nanoClock, boolean scheduled) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
        this.scheduled = scheduled;
    }

    /** Called when a record is handed to the worker queue. */
    public synchronized void register(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        if (commit == null || offset == null) {
            return;
        }
        Partition partition = partitions.computeIfAbsent(key(exchange), k -> {
            Partition created = new Partition();
            created.committedAt = nanoClock.getAsLong() - intervalNanos; // the first commit goes at once
            return created;
        });
        partition.done.put(offset, false);
        partition.commits.put(offset, commit);
        exchange.setProperty(TRACKED, true);
        startFlusher();
    }

    /** Called when the sync of a tracked record finished, whatever its outcome. */
    public void completed(Exchange exchange) {
        if (!Boolean.TRUE.equals(exchange.getProperty(TRACKED, Boolean.class))) {
            return;
        }
        KafkaManualCommit toCommit = null;
        synchronized (this) {
            Partition partition = partitions.get(key(exchange));
            Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
            if (partition == null || offset == null || !Boolean.FALSE.equals(partition.done.get(offset))) {
                return;
            }
            partition.done.put(offset, true);
            while (!partition.done.isEmpty() && partition.done.firstEntry().getValue()) {
                long first = partition.done.pollFirstEntry().getKey();
                partition.unsent = partition.commits.remove(first);
                partition.unsentRecords++;
            }
            long now = nanoClock.getAsLong();
            if (partition.unsent != null && now - partition.committedAt >= intervalNanos) {
                toCommit = take(partition, now);
            }
        }
        send(toCommit);
    }

    /** A record that needs no sync (rejected, or fanned out into per-connection records): done at once. */
    public void skip(Exchange exchange) {
        register(exchange);
        completed(exchange);
    }

    /** Sends every commit that waits for the interval; runs every interval and on shutdown. */
    public void flush() {
        List<KafkaManualCommit> toCommit = new ArrayList<>();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            for (Partition partition : partitions.values()) {
                if (partition.unsent != null) {
                    toCommit.add(take(partition, now));
                }
            }
        }
        toCommit.forEach(OffsetTracker::send);
    }

    /** Offsets registered and not yet committed, over all partitions (for tests and metrics). */
    public synchronized int pending() {
        return partitions.values().stream().mapToInt(p -> p.done.size() + p.unsentRecords).sum();
    }

    /** Records of one topic this instance holds: queued, syncing, or finished and not yet committed. */
    public synchronized int pending(String topic) {
        String prefix = topic + "/";
        int count = 0;
        for (Map.Entry<String, Partition> e : partitions.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                count += e.getValue().done.size() + e.getValue().unsentRecords;
            }
        }
        return count;
    }

    @PreDestroy
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = flusher;
            flusher = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
        flush();
    }

    private static KafkaManualCommit take(Partition partition, long now) {
        KafkaManualCommit commit = partition.unsent;
        partition.unsent = null;
        partition.unsentRecords = 0;
        partition.committedAt = now;
        return commit;
    }

    private static void send(KafkaManualCommit commit) {
        if (commit == null) {
            return;
        }
        try {
            // Parks the offset for the partition's polling thread (TrackedCommitConsumer), which sends it on its next poll.
            commit.commit();
        } catch (RuntimeException e) {
            LOG.warn("Kafka offset commit failed (the partition may have moved): {}", e.toString());
        }
    }

    /** Started with the first tracked record: with Kafka off there is nothing to flush. */
    private void startFlusher() {
        if (flusher != null || !scheduled || intervalNanos <= 0) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kafka-offset-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Kafka offset flush failed: {}", e.toString());
        }
    }

    private static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class) + "/"
                + exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
    }
}
