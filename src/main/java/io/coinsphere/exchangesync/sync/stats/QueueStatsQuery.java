package io.coinsphere.exchangesync.sync.stats;

import io.coinsphere.exchangesync.kafka.KafkaMonitor;
import io.coinsphere.exchangesync.kafka.KafkaSettings;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.sync.SyncProperties;
import io.coinsphere.exchangesync.sync.SyncQueue;
import io.coinsphere.exchangesync.sync.transport.OffsetTracker;
import io.coinsphere.exchangesync.web.ApiReply;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers {@link QueueStats}: the waiting syncs from this instance's queue (their exchanges looked up in one
 * query), in-flight syncs from unexpired leases, the last hour's outcomes from {@code sync_runs}, and the
 * syncs still waiting in Kafka (the consumer group's lag, asked for on each call).
 */
@Component
public class QueueStatsQuery {

    private final SyncQueue queue;
    private final NamedParameterJdbcTemplate jdbc;
    private final SyncProperties properties;
    private final Clock clock;
    private final ObjectProvider<KafkaMonitor> kafka;
    private final OffsetTracker tracker;

    public QueueStatsQuery(SyncQueue syncQueue, NamedParameterJdbcTemplate jdbc, SyncProperties properties,
            ObjectProvider<KafkaMonitor> kafka, OffsetTracker tracker) {
        this.kafka = kafka;
        this.tracker = tracker;
        this.queue = syncQueue;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public ApiReply stats() {
        // A snapshot: the queue changes while we look, and the stats only need to be about right.
        Object[] waiting = queue.toArray();
        Map<UUID, Integer> waitingIds = new HashMap<>();
        long oldestCreated = Long.MAX_VALUE;
        for (Object item : waiting) {
            Exchange exchange = (Exchange) item;
            Object id = exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID);
            if (id != null) {
                waitingIds.merge(id instanceof UUID u ? u : UUID.fromString(id.toString()), 1, Integer::sum);
            }
            oldestCreated = Math.min(oldestCreated, exchange.getClock().getCreated());
        }
        Duration oldest = oldestCreated == Long.MAX_VALUE ? Duration.ZERO
                : Duration.ofMillis(clock.millis() - oldestCreated);
        return ApiReply.ok(QueueStats.of(waitingByExchange(waitingIds), inFlight(), lastHour("success"),
                lastHour("failed"), kafkaBacklog(), oldest, properties.workers()));
    }

    private QueueStats.KafkaBacklog kafkaBacklog() {
        KafkaMonitor monitor = kafka.getIfAvailable();
        if (monitor == null) {
            return null;
        }
        Map<String, Long> lag = monitor.lagNow();
        return QueueStats.KafkaBacklog.of(notHeldHere(lag, KafkaSettings.REQUESTS), notHeldHere(lag, KafkaSettings.SCHEDULED));
    }

    /** The lag counts records this instance already holds; those are in {@code waiting} or in flight. */
    private long notHeldHere(Map<String, Long> lag, String topic) {
        long uncommitted = lag.getOrDefault(topic, -1L);
        return uncommitted < 0 ? -1 : Math.max(0, uncommitted - tracker.pending(topic));
    }

    private Map<String, Long> waitingByExchange(Map<UUID, Integer> ids) {
        Map<String, Long> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Set<String> seen = new HashSet<>();
        jdbc.query("SELECT id, exchange FROM exchange_connections WHERE id = ANY(CAST(:ids AS uuid[]))",
                Map.of("ids", ids.keySet().stream().map(UUID::toString).toArray(String[]::new)),
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    seen.add(id.toString());
                    result.merge(rs.getString(2), (long) ids.get(id), Long::sum);
                });
        // Queued syncs of connections deleted meanwhile: the worker will skip them, but they do wait.
        long gone = ids.entrySet().stream().filter(e -> !seen.contains(e.getKey().toString())).mapToLong(Map.Entry::getValue).sum();
        if (gone > 0) {
            result.put("deleted", gone);
        }
        return result;
    }

    private Map<String, Long> inFlight() {
        return counts("SELECT exchange, count(*) FROM exchange_connections WHERE sync_lease_until > now() GROUP BY exchange",
                Map.of());
    }

    private Map<String, Long> lastHour(String status) {
        return counts("""
                SELECT c.exchange, count(*) FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id
                WHERE r.finished_at > now() - interval '1 hour' AND r.status = :status GROUP BY c.exchange""",
                Map.of("status", status));
    }

    private Map<String, Long> counts(String sql, Map<String, Object> params) {
        Map<String, Long> result = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        });
        return result;
    }
}
