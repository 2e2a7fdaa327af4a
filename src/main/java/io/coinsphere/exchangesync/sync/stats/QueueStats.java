package io.coinsphere.exchangesync.sync.stats;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answer of {@code GET /api/v1/exchanges/queue/stats}: the pipeline at a glance, in total and per exchange.
 *
 * @param total                totals over all exchanges
 * @param exchanges            the same per supported exchange (zeros included, so dashboards see every key)
 * @param kafka                syncs still waiting in Kafka, next to {@code waiting} in this instance's queue;
 *                             null when Kafka is off
 * @param oldestWaitingSeconds how long the oldest queued sync has waited; 0 when the queue is empty
 * @param workers              concurrent sync workers of this instance
 */
public record QueueStats(boolean success, Counts total, Map<String, Counts> exchanges, KafkaBacklog kafka,
        double oldestWaitingSeconds, int workers) {

    /**
     * Records of the sync topics that no instance has finished: the consumer group's lag minus what this
     * instance holds (in its queue, syncing, or finished and about to be committed). Per topic only: a
     * record names its connection, not its exchange, and reading them to find out would cost more than the
     * answer is worth. With several instances the other instances' queues are included. -1: Kafka did not
     * answer.
     *
     * @param waiting   requests + scheduled
     * @param requests  manual sync requests ({@code exchange-sync-requests})
     * @param scheduled fan-out claims ({@code exchange-sync-scheduled})
     */
    public record KafkaBacklog(long waiting, long requests, long scheduled) {

        static KafkaBacklog of(long requests, long scheduled) {
            return new KafkaBacklog(requests < 0 || scheduled < 0 ? -1 : requests + scheduled, requests, scheduled);
        }
    }

    /**
     * @param waiting           syncs queued in this instance, not yet taken by a worker
     * @param inFlight          connections with an unexpired lease: a worker (of any instance) is syncing them
     * @param completedLastHour successful syncs recorded in the last hour (all instances)
     * @param failedLastHour    failed syncs recorded in the last hour (all instances)
     */
    public record Counts(long waiting, long inFlight, long completedLastHour, long failedLastHour) {

        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(waiting + other.waiting, inFlight + other.inFlight,
                    completedLastHour + other.completedLastHour, failedLastHour + other.failedLastHour);
        }
    }

    /**
     * Assembles the answer. Each map is exchange id -> count; ids this version does not know are kept,
     * so a connection of a removed exchange still shows up.
     */
    static QueueStats of(Map<String, Long> waiting, Map<String, Long> inFlight, Map<String, Long> completed,
            Map<String, Long> failed, Duration oldestWaiting, int workers) {
        return of(waiting, inFlight, completed, failed, null, oldestWaiting, workers);
    }

    static QueueStats of(Map<String, Long> waiting, Map<String, Long> inFlight, Map<String, Long> completed,
            Map<String, Long> failed, KafkaBacklog kafka, Duration oldestWaiting, int workers) {
        Map<String, Counts> byExchange = new LinkedHashMap<>();
        for (ExchangeId id : ExchangeId.values()) {
            byExchange.put(id.id(), Counts.ZERO);
        }
        add(byExchange, waiting, (c, n) -> new Counts(c.waiting + n, c.inFlight, c.completedLastHour, c.failedLastHour));
        add(byExchange, inFlight, (c, n) -> new Counts(c.waiting, c.inFlight + n, c.completedLastHour, c.failedLastHour));
        add(byExchange, completed, (c, n) -> new Counts(c.waiting, c.inFlight, c.completedLastHour + n, c.failedLastHour));
        add(byExchange, failed, (c, n) -> new Counts(c.waiting, c.inFlight, c.completedLastHour, c.failedLastHour + n));
        return new QueueStats(true, sum(byExchange.values()), byExchange, kafka,
                oldestWaiting.isNegative() ? 0 : oldestWaiting.toMillis() / 1000.0, workers);
    }

    private interface Add {
        Counts apply(Counts counts, long n);
    }

    private static void add(Map<String, Counts> target, Map<String, Long> counts, Add add) {
        counts.forEach((exchange, n) -> target.merge(exchange, add.apply(Counts.ZERO, n), (a, b) -> a.plus(b)));
    }

    private static Counts sum(Collection<Counts> all) {
        return all.stream().reduce(Counts.ZERO, Counts::plus);
    }
}
