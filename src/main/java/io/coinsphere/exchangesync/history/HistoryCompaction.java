package io.coinsphere.exchangesync.history;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the history bounded: beyond {@code detailFor} only the last snapshot per connection and hour (and the last
 * price per pair, source and hour) stays, beyond {@code hourlyFor} the last per day. The last row of a bucket is
 * what was held, or quoted, when the bucket ended, so a compacted series is still exact at its own resolution.
 */
@Component
public class HistoryCompaction {

    private static final String SNAPSHOTS = """
            DELETE FROM holding_snapshots s USING (
                SELECT id, row_number() OVER (PARTITION BY connection_id, date_trunc(CAST(:unit AS text), taken_at, 'UTC')
                                              ORDER BY taken_at DESC, id DESC) AS rn
                FROM holding_snapshots WHERE taken_at < :before) AS r
            WHERE s.id = r.id AND r.rn > 1""";
    private static final String PRICES = """
            DELETE FROM price_history h USING (
                SELECT id, row_number() OVER (PARTITION BY base, quote, source, date_trunc(CAST(:unit AS text), price_at, 'UTC')
                                              ORDER BY price_at DESC, id DESC) AS rn
                FROM price_history WHERE price_at < :before) AS r
            WHERE h.id = r.id AND r.rn > 1""";

    private final NamedParameterJdbcTemplate jdbc;
    private final HistoryProperties properties;
    private final Clock clock;

    public HistoryCompaction(NamedParameterJdbcTemplate jdbc, HistoryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Rows deleted, by table and resolution. */
    public Map<String, Integer> compact() {
        Instant now = clock.instant();
        Instant hourly = now.minus(properties.detailFor());
        Instant daily = now.minus(properties.hourlyFor());
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("snapshotsHourly", jdbc.update(SNAPSHOTS, params("hour", hourly)));
        deleted.put("snapshotsDaily", jdbc.update(SNAPSHOTS, params("day", daily)));
        deleted.put("pricesHourly", jdbc.update(PRICES, params("hour", hourly)));
        deleted.put("pricesDaily", jdbc.update(PRICES, params("day", daily)));
        return deleted;
    }

    private static MapSqlParameterSource params(String unit, Instant before) {
        return new MapSqlParameterSource("unit", unit).addValue("before", Timestamp.from(before));
    }
}
