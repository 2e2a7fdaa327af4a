package io.coinsphere.exchangesync.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a connection's sync history for the API. */
@Component
public class SyncRunQuery {

    private final NamedParameterJdbcTemplate jdbc;

    public SyncRunQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One finished sync. */
    public record SyncRun(long id, String trigger, OffsetDateTime startedAt, OffsetDateTime finishedAt, String status,
            int assets, int attempts, String error) {
    }

    public List<SyncRun> recent(UUID connectionId, int limit) {
        return jdbc.query("""
                SELECT id, trigger, started_at, finished_at, status, assets, attempts, error FROM sync_runs
                WHERE connection_id = :id ORDER BY started_at DESC, id DESC LIMIT :limit""",
                Map.of("id", connectionId, "limit", limit),
                (rs, i) -> new SyncRun(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8)));
    }
}
