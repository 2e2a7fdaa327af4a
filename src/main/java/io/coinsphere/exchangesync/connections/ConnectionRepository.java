package io.coinsphere.exchangesync.connections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes exchange connections. Every query that takes a connection id also takes the
 * user id: SECURITY: another user's connection is indistinguishable from a missing one.
 */
@Repository
public class ConnectionRepository {

    private static final String VIEW_COLUMNS = """
            id, exchange, label, status, (sync_lease_until IS NOT NULL AND sync_lease_until > now()) AS syncing,
            last_sync_at, last_error, auto_sync, created_at, sync_interval, next_sync_at, api_key_hint,
            consecutive_failures""";

    private static final RowMapper<ConnectionView> VIEW = ConnectionRepository::toView;

    private final NamedParameterJdbcTemplate jdbc;

    public ConnectionRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Thrown when the user already connected this key on this exchange. */
    public static class AlreadyConnected extends RuntimeException {
        AlreadyConnected() {
            super("already connected", null, false, false);
        }
    }

    /** {@code fingerprints}: the key's fingerprint under every configured master key (rows may not be re-keyed yet). */
    public boolean keyAlreadyConnected(UUID userId, String exchange, List<String> fingerprints, UUID exceptConnection) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM exchange_connections
                WHERE user_id = :userId AND exchange = :exchange AND api_key_fingerprint IN (:fingerprints)
                  AND id <> :except""",
                new MapSqlParameterSource("userId", userId).addValue("exchange", exchange)
                        .addValue("fingerprints", fingerprints)
                        .addValue("except", exceptConnection == null ? new UUID(0, 0) : exceptConnection),
                Integer.class);
        return count != null && count > 0;
    }

    /** Stores a new connection in the user's default portfolio, due for its first sync now. */
    public void insert(NewConnection c) {
        try {
            int rows = jdbc.update("""
                    INSERT INTO exchange_connections (id, user_id, portfolio_id, exchange, label, api_key_encrypted,
                        api_secret_encrypted, passphrase_encrypted, api_key_fingerprint, api_key_hint, next_sync_at)
                    SELECT :id, :userId, p.id, :exchange, :label, :apiKey, :apiSecret, :passphrase, :fingerprint, :hint, now()
                    FROM portfolios p WHERE p.user_id = :userId AND p.is_default""",
                    new MapSqlParameterSource("id", c.id()).addValue("userId", c.userId())
                            .addValue("exchange", c.exchange()).addValue("label", c.label())
                            .addValue("apiKey", c.apiKeyEncrypted()).addValue("apiSecret", c.apiSecretEncrypted())
                            .addValue("passphrase", c.passphraseEncrypted())
                            .addValue("fingerprint", c.apiKeyFingerprint()).addValue("hint", c.apiKeyHint()));
            if (rows != 1) {
                throw new IllegalStateException("user has no default portfolio");
            }
        } catch (DuplicateKeyException e) {
            throw new AlreadyConnected();
        }
    }

    public List<ConnectionView> list(UUID userId) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM exchange_connections WHERE user_id = :userId ORDER BY created_at, id",
                Map.of("userId", userId), VIEW);
    }

    public Optional<ConnectionView> find(UUID userId, UUID id) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM exchange_connections WHERE user_id = :userId AND id = :id",
                Map.of("userId", userId, "id", id), VIEW).stream().findFirst();
    }

    /** The exchange id of one of the user's connections. */
    public Optional<String> exchangeOf(UUID userId, UUID id) {
        return jdbc.queryForList("SELECT exchange FROM exchange_connections WHERE user_id = :userId AND id = :id",
                Map.of("userId", userId, "id", id), String.class).stream().findFirst();
    }

    /** Whether a sync of the user's connection runs right now (an unexpired lease); empty when there is no such connection. */
    public Optional<Boolean> syncingOf(UUID userId, UUID id) {
        return jdbc.queryForList("""
                SELECT sync_lease_until IS NOT NULL AND sync_lease_until > now()
                FROM exchange_connections WHERE user_id = :userId AND id = :id""",
                Map.of("userId", userId, "id", id), Boolean.class).stream().findFirst();
    }

    /**
     * Notes that a sync of these connections was asked for (kept until one takes its lease): the fan-out claims a
     * request that was lost with an instance's queue. Returns the user's ids among them.
     */
    public List<UUID> requestSync(UUID userId, List<UUID> ids) {
        return jdbc.queryForList("""
                UPDATE exchange_connections SET sync_requested_at = COALESCE(sync_requested_at, now())
                WHERE user_id = :userId AND id = ANY(CAST(:ids AS uuid[])) RETURNING id""",
                new MapSqlParameterSource("userId", userId)
                        .addValue("ids", ids.stream().map(UUID::toString).toArray(String[]::new)), UUID.class);
    }

    public List<UUID> idsOf(UUID userId) {
        return jdbc.queryForList("SELECT id FROM exchange_connections WHERE user_id = :userId ORDER BY created_at",
                Map.of("userId", userId), UUID.class);
    }

    /** Applies the non-null settings; a new interval re-plans the next sync from the last one. */
    public boolean updateSettings(UUID userId, UUID id, String label, Boolean autoSync, Integer syncInterval) {
        return jdbc.update("""
                UPDATE exchange_connections SET
                    label = CASE WHEN :setLabel THEN :label ELSE label END,
                    auto_sync = COALESCE(:autoSync, auto_sync),
                    sync_interval = COALESCE(:interval, sync_interval),
                    next_sync_at = CASE WHEN :interval IS NULL THEN next_sync_at
                                        ELSE COALESCE(last_sync_at, now()) + make_interval(secs => :interval) END,
                    updated_at = now()
                WHERE user_id = :userId AND id = :id""",
                new MapSqlParameterSource("userId", userId).addValue("id", id)
                        .addValue("setLabel", label != null).addValue("label", label)
                        .addValue("autoSync", autoSync, java.sql.Types.BOOLEAN)
                        .addValue("interval", syncInterval, java.sql.Types.INTEGER)) == 1;
    }

    /** Replaces the credentials and makes the connection active and due now. */
    public boolean replaceCredentials(UUID userId, UUID id, String apiKey, String apiSecret, String passphrase,
            String fingerprint, String hint) {
        try {
            return jdbc.update("""
                    UPDATE exchange_connections SET api_key_encrypted = :apiKey, api_secret_encrypted = :apiSecret,
                        passphrase_encrypted = :passphrase, api_key_fingerprint = :fingerprint, api_key_hint = :hint,
                        status = 'active', last_error = NULL, consecutive_failures = 0, next_sync_at = now(),
                        updated_at = now()
                    WHERE user_id = :userId AND id = :id""",
                    new MapSqlParameterSource("userId", userId).addValue("id", id).addValue("apiKey", apiKey)
                            .addValue("apiSecret", apiSecret).addValue("passphrase", passphrase)
                            .addValue("fingerprint", fingerprint).addValue("hint", hint)) == 1;
        } catch (DuplicateKeyException e) {
            throw new AlreadyConnected();
        }
    }

    /**
     * Removes the connection and its holdings together; its sync runs go by cascade. Its past stays in the portfolio
     * history (an empty snapshot marks the end), unless {@code eraseHistory}: then every snapshot of it goes too.
     */
    @Transactional
    public boolean delete(UUID userId, UUID id, boolean eraseHistory) {
        MapSqlParameterSource params = new MapSqlParameterSource("userId", userId).addValue("id", id);
        // Lock first so an in-flight sync's upsert (which locks the same row) cannot re-create holdings.
        List<UUID> locked = jdbc.queryForList(
                "SELECT id FROM exchange_connections WHERE user_id = :userId AND id = :id FOR UPDATE", params, UUID.class);
        if (locked.isEmpty()) {
            return false;
        }
        jdbc.update("DELETE FROM holdings WHERE connection_id = :id", params);
        if (eraseHistory) {
            jdbc.update("DELETE FROM holding_snapshots WHERE user_id = :userId AND connection_id = :id", params);
        } else {
            jdbc.update("""
                    INSERT INTO holding_snapshots (connection_id, user_id, taken_at, symbols, amounts)
                    VALUES (:id, :userId, now(), '{}', '{}')""", params);
        }
        return jdbc.update("DELETE FROM exchange_connections WHERE user_id = :userId AND id = :id", params) == 1;
    }

    private static ConnectionView toView(ResultSet rs, int row) throws SQLException {
        return new ConnectionView(
                rs.getObject("id", UUID.class),
                rs.getString("exchange"),
                rs.getString("label"),
                rs.getString("status"),
                rs.getBoolean("syncing"),
                rs.getObject("last_sync_at", OffsetDateTime.class),
                rs.getString("last_error"),
                rs.getBoolean("auto_sync"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("sync_interval"),
                rs.getObject("next_sync_at", OffsetDateTime.class),
                rs.getString("api_key_hint"),
                rs.getInt("consecutive_failures"));
    }
}
