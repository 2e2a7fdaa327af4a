package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.vault.CredentialVault;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's rows: bulk users with {@value #PER_USER} connections each, inserted straight into the
 * database with credentials encrypted by the service's own vault, and the queries that read a cycle back.
 */
final class BenchData {

    static final int PER_USER = 10;
    /** Long enough that a connection is never due again by itself while the benchmark runs. */
    static final int INTERVAL_SECONDS = 86_400;

    /** Keeps the benchmark's own queries out of the statement profile ({@link PgStatements}). */
    private static final String TAG = PgStatements.BENCH_TAG;

    private final JdbcTemplate jdbc;
    private final CredentialVault vault;
    private final BenchAccounts accounts;

    BenchData(DataSource dataSource, CredentialVault vault, BenchAccounts accounts) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.vault = vault;
        this.accounts = accounts;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Inserts connections for accounts {@code from} (inclusive) to {@code to} (exclusive), not due before tomorrow. */
    void insertConnections(int from, int to) {
        List<Object[]> users = new ArrayList<>();
        List<Object[]> portfolios = new ArrayList<>();
        List<Object[]> connections = new ArrayList<>();
        UUID user = null;
        UUID portfolio = null;
        for (int i = from; i < to; i++) {
            if (user == null || (i - from) % PER_USER == 0) {
                user = UUID.randomUUID();
                portfolio = UUID.randomUUID();
                // Never logs in: the hash is not a valid one.
                users.add(new Object[] {user, "bench-" + user + "@example.com", "-"});
                portfolios.add(new Object[] {portfolio, user});
            }
            BenchAccounts.Account a = accounts.account(i);
            UUID id = UUID.randomUUID();
            connections.add(new Object[] {id, user, portfolio, a.exchange().id(), vault.encrypt(id, "api_key_encrypted", a.apiKey()),
                    vault.encrypt(id, "api_secret_encrypted", a.apiSecret()),
                    a.passphrase() == null ? null : vault.encrypt(id, "passphrase_encrypted", a.passphrase()),
                    vault.fingerprint(a.apiKey()), a.apiKey().substring(a.apiKey().length() - 4), INTERVAL_SECONDS});
        }
        jdbc.batchUpdate(TAG + "INSERT INTO users (id, email, password_hash) VALUES (?, ?, ?)", users);
        jdbc.batchUpdate(TAG + "INSERT INTO portfolios (id, user_id, name, is_default) VALUES (?, ?, 'Main', true)", portfolios);
        jdbc.batchUpdate(TAG + """
                INSERT INTO exchange_connections (id, user_id, portfolio_id, exchange, api_key_encrypted, api_secret_encrypted,
                    passphrase_encrypted, api_key_fingerprint, api_key_hint, sync_interval, next_sync_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() + interval '1 day')""", connections);
    }

    /** Makes every bulk connection due (the probe user's stay out of the cycle); returns how many. */
    int makeDue(UUID probeUser, int limit) {
        return jdbc.update(TAG + """
                UPDATE exchange_connections SET next_sync_at = now() - interval '1 second'
                WHERE id IN (SELECT id FROM exchange_connections WHERE user_id <> ? ORDER BY created_at, id LIMIT ?)""",
                probeUser, limit);
    }

    long lastRunId() {
        Long id = jdbc.queryForObject(TAG + "SELECT max(id) FROM sync_runs", Long.class);
        return id == null ? 0 : id;
    }

    /** Scheduled runs after {@code runId}: manual ones of the probe user do not count towards a cycle. */
    long runsAfter(long runId) {
        return jdbc.queryForObject(TAG + "SELECT count(*) FROM sync_runs WHERE id > ? AND trigger = 'scheduled'", Long.class, runId);
    }

    long failedAfter(long runId) {
        return jdbc.queryForObject(TAG + "SELECT count(*) FROM sync_runs WHERE id > ? AND status <> 'success'", Long.class, runId);
    }

    /**
     * Claim-to-commit milliseconds of each scheduled run after {@code runId}. The claim moved next_sync_at to
     * claim time + interval, so the claim time is next_sync_at - interval; finished_at is the commit's transaction time.
     */
    List<Double> claimToCommitMillis(long runId) {
        return jdbc.queryForList(TAG + """
                SELECT extract(epoch FROM r.finished_at - (c.next_sync_at - make_interval(secs => c.sync_interval))) * 1000
                FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id
                WHERE r.id > ? AND r.trigger = 'scheduled'""", Double.class, runId);
    }

    /** Seconds from the first claim to the last commit of the scheduled runs after {@code runId}. */
    double cycleSeconds(long runId) {
        return jdbc.queryForObject(TAG + """
                SELECT extract(epoch FROM max(r.finished_at) - min(c.next_sync_at - make_interval(secs => c.sync_interval)))
                FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id
                WHERE r.id > ? AND r.trigger = 'scheduled'""", Double.class, runId);
    }

    /** When the newest manual run of the connection after {@code runId} finished, or null. */
    Timestamp manualRunFinished(UUID connectionId, long runId) {
        List<Timestamp> rows = jdbc.queryForList(TAG + """
                SELECT finished_at FROM sync_runs WHERE connection_id = ? AND id > ? AND trigger = 'manual'""",
                Timestamp.class, connectionId, runId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Encrypted credentials of up to {@code limit} connections, as a worker reads them. */
    List<Map<String, Object>> encryptedCredentials(int limit) {
        return jdbc.queryForList(TAG + """
                SELECT id, api_key_encrypted, api_secret_encrypted, passphrase_encrypted FROM exchange_connections
                ORDER BY created_at, id LIMIT ?""", limit);
    }

    /** Runs after {@code runId} per exchange. */
    Map<String, Long> runsPerExchange(long runId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query(TAG + """
                SELECT c.exchange, count(*) FROM sync_runs r JOIN exchange_connections c ON c.id = r.connection_id
                WHERE r.id > ? GROUP BY c.exchange""", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, runId);
        return counts;
    }

    /** Every bulk connection syncs every {@code seconds} and is due now. */
    void dueEvery(int seconds) {
        jdbc.update(TAG + "UPDATE exchange_connections SET sync_interval = ?, next_sync_at = now()", seconds);
    }

    /**
     * Per exchange, seconds between two successful syncs of one connection after {@code runId}: median and max.
     * Unlike a count of syncs in a window, it does not depend on where the window falls in the connections' rhythm.
     */
    Map<String, String> syncGapsSeconds(long runId) {
        Map<String, String> gaps = new java.util.TreeMap<>();
        jdbc.query(TAG + """
                SELECT c.exchange, percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap), max(g.gap), count(*)
                FROM (SELECT connection_id,
                             extract(epoch FROM finished_at - lag(finished_at) OVER (PARTITION BY connection_id ORDER BY id)) AS gap
                      FROM sync_runs WHERE id > ? AND status = 'success') g
                JOIN exchange_connections c ON c.id = g.connection_id
                WHERE g.gap IS NOT NULL GROUP BY c.exchange""", rs -> {
            gaps.put(rs.getString(1), Report.number(rs.getDouble(2), 1) + " / " + Report.number(rs.getDouble(3), 1) + " s ("
                    + rs.getLong(4) + ")");
        }, runId);
        return gaps;
    }

    /** Connections synced successfully at least once. */
    int synced() {
        return jdbc.queryForObject(TAG + "SELECT count(*) FROM exchange_connections WHERE last_sync_at IS NOT NULL",
                Integer.class);
    }

    /** p99 of now - last_sync_at over every connection, in seconds (never-synced ones count from creation). */
    double stalenessP99Seconds() {
        return jdbc.queryForObject(TAG + """
                SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM now() - coalesce(last_sync_at, created_at)))
                FROM exchange_connections""", Double.class);
    }

    /** p99 of now - last_sync_at over the bulk connections, in seconds (never-synced ones count from creation). */
    double stalenessP99Seconds(UUID probeUser) {
        return jdbc.queryForObject(TAG + """
                SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM now() - coalesce(last_sync_at, created_at)))
                FROM exchange_connections WHERE user_id <> ?""", Double.class, probeUser);
    }
}
