package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.ops.OpsProperties;
import io.coinsphere.exchangesync.sync.SyncQueue;
import io.coinsphere.exchangesync.sync.SyncThrottle;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Gauges of the pipeline's state: the queue depth, the sync concurrency and the connections by status. */
@Component
class SyncGauges {

    /** The statuses of {@code exchange_connections.status}. */
    static final List<String> STATUSES = List.of("active", "error", "disabled");

    public SyncGauges(MeterRegistry registry, SyncQueue syncQueue, SyncThrottle syncThrottle, JdbcTemplate jdbc,
            OpsProperties properties) {
        Gauge.builder("coinsphere.sync.queue.depth", syncQueue, SyncQueue::size)
                .description("Syncs waiting in this instance's queue").register(registry);
        Gauge.builder("coinsphere.sync.workers.limit", syncThrottle, SyncThrottle::limit)
                .description("Syncs this instance lets run at once now (lower while the CPU is saturated)").register(registry);
        Gauge.builder("coinsphere.sync.workers.busy", syncThrottle, SyncThrottle::running)
                .description("Syncs of this instance running now").register(registry);
        ConnectionStatusCounts counts = new ConnectionStatusCounts(() -> byStatus(jdbc),
                properties.connectionGaugeRefresh(), Clock.systemUTC());
        for (String status : STATUSES) {
            Gauge.builder("coinsphere.connections", counts, c -> c.count(status)).tag("status", status)
                    .description("Exchange connections by status (refreshed at most every coinsphere.ops.connection-gauge-refresh)")
                    .register(registry);
        }
    }

    private static Map<String, Long> byStatus(JdbcTemplate jdbc) {
        Map<String, Long> result = new HashMap<>();
        jdbc.query("SELECT status, count(*) FROM exchange_connections GROUP BY status",
                rs -> {
                    result.put(rs.getString(1), rs.getLong(2));
                });
        return result;
    }
}
