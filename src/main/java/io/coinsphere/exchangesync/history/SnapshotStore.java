package io.coinsphere.exchangesync.history;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a user's holdings snapshots (they are written by the sync's upsert and by a disconnect). */
@Component
public class SnapshotStore {

    private final NamedParameterJdbcTemplate jdbc;

    public SnapshotStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Snapshots in {@code [from, to]} and, per connection, the last one before {@code from}; oldest first. */
    public List<Snapshot> between(UUID userId, Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource("userId", userId)
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        return jdbc.query("""
                SELECT * FROM (
                    SELECT DISTINCT ON (connection_id) connection_id, taken_at, symbols, amounts FROM holding_snapshots
                    WHERE user_id = :userId AND taken_at < :from
                    ORDER BY connection_id, taken_at DESC, id DESC) AS before
                UNION ALL
                SELECT connection_id, taken_at, symbols, amounts FROM holding_snapshots
                WHERE user_id = :userId AND taken_at >= :from AND taken_at <= :to
                ORDER BY taken_at""", params, SnapshotStore::snapshot);
    }

    /** When the user's history starts; null without any snapshot. */
    public Instant first(UUID userId) {
        Timestamp first = jdbc.queryForObject("SELECT min(taken_at) FROM holding_snapshots WHERE user_id = :userId",
                Map.of("userId", userId), Timestamp.class);
        return first == null ? null : first.toInstant();
    }

    private static Snapshot snapshot(ResultSet rs, int row) throws SQLException {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        String[] symbols = strings(rs.getArray("symbols"));
        BigDecimal[] values = decimals(rs.getArray("amounts"));
        for (int i = 0; i < symbols.length; i++) {
            amounts.put(symbols[i], values[i]);
        }
        return new Snapshot(rs.getObject("connection_id", UUID.class), rs.getTimestamp("taken_at").toInstant(), amounts);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static BigDecimal[] decimals(Array array) throws SQLException {
        return array == null ? new BigDecimal[0] : (BigDecimal[]) array.getArray();
    }
}
