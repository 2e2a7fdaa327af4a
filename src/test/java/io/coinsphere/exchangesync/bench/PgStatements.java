package io.coinsphere.exchangesync.bench;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database did for the measured cycles, from {@code pg_stat_statements}: statements per sync and
 * the statements that took the most plan + execution time. The benchmark's own queries carry
 * {@link #BENCH_TAG} and are left out. Without the extension every figure is n/a and the run goes on.
 */
final class PgStatements {

    /** Service arguments that load the extension into the embedded PostgreSQL and make it time planning too. */
    static final List<String> SERVER_ARGS = List.of(
            "--coinsphere.embedded.postgres-settings.shared_preload_libraries=pg_stat_statements",
            "--coinsphere.embedded.postgres-settings.pg_stat_statements.track_planning=on");

    /** Leading comment of every query the benchmark itself sends; pg_stat_statements keeps it in the text. */
    static final String BENCH_TAG = "/* bench */ ";

    /** A fragment that only one statement of src/main/resources/sql has (constants aside), and that file; in match order. */
    static final Map<String, String> FILES = files();

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("FOR UPDATE SKIP LOCKED", "fanout-claim.sql");
        files.put("SET next_sync_at = now() WHERE id = ANY", "fanout-release.sql");
        files.put("INSERT INTO fanout_ticks", "fanout-tick.sql");
        files.put("INSERT INTO holdings", "holdings-upsert.sql");
        files.put("consecutive_failures = consecutive_failures +", "sync-failure.sql");
        files.put("SET sync_lease_until = now() +", "sync-lease.sql");
        return Collections.unmodifiableMap(files);
    }

    /** Totals of one statement (or of the statements that share its name) since the last reset. */
    record Statement(String name, long calls, long plans, double execMs, double planMs) {

        double totalMs() {
            return execMs + planMs;
        }

        Statement plus(Statement other) {
            return new Statement(name, calls + other.calls, plans + other.plans, execMs + other.execMs, planMs + other.planMs);
        }
    }

    private final JdbcTemplate jdbc;
    private String unavailable;

    PgStatements(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Creates the extension if needed and forgets what was counted so far; on failure the figures become n/a. */
    void reset() {
        try {
            jdbc.execute(BENCH_TAG + "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.queryForList(BENCH_TAG + "SELECT pg_stat_statements_reset()");
        } catch (DataAccessException e) {
            unavailable = firstLine(e.getMostSpecificCause().getMessage());
        }
    }

    /** The statement rows of the report: statements per sync, then the {@code top} statements by plan + exec time. */
    void report(Report report, long syncs, int top) {
        String metric = "PostgreSQL statements per sync over the measured cycles (pg_stat_statements)";
        List<Statement> statements = null;
        if (unavailable == null) {
            try {
                statements = read();
            } catch (DataAccessException e) {
                unavailable = firstLine(e.getMostSpecificCause().getMessage());
            }
        }
        if (statements == null || statements.isEmpty()) {
            report.notAvailable(metric, "", unavailable == null ? "no statements recorded" : unavailable);
            return;
        }
        report.figure(metric, summary(statements, syncs));
        double total = statements.stream().mapToDouble(Statement::totalMs).sum();
        List<Statement> ranked = rank(statements);
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            report.figure("  statement " + (i + 1) + " by plan + exec time: " + ranked.get(i).name(), row(ranked.get(i), syncs, total));
        }
    }

    private List<Statement> read() {
        return jdbc.query(BENCH_TAG + """
                SELECT query, calls, plans, total_exec_time, total_plan_time FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND calls > 0 AND query NOT LIKE ?""",
                (rs, i) -> new Statement(name(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)),
                BENCH_TAG.strip() + "%");
    }

    /** Statements with the same name merged, most plan + exec time first. */
    static List<Statement> rank(List<Statement> statements) {
        Map<String, Statement> byName = new LinkedHashMap<>();
        statements.forEach(s -> byName.merge(s.name(), s, Statement::plus));
        return byName.values().stream().sorted(Comparator.comparingDouble(Statement::totalMs).reversed()).toList();
    }

    static String summary(List<Statement> statements, long syncs) {
        long calls = statements.stream().mapToLong(Statement::calls).sum();
        double total = statements.stream().mapToDouble(Statement::totalMs).sum();
        return Report.number((double) calls / syncs, 2) + " statements, " + Report.number(total / syncs, 3)
                + " ms plan + exec per sync (" + rank(statements).size() + " distinct, " + syncs + " syncs)";
    }

    static String row(Statement s, long syncs, double totalMs) {
        return String.format(Locale.ROOT,
                "%s per sync, per call exec %.3f ms / plan %.3f ms (planned %.0f %% of calls), %.1f %% of the time",
                Report.number((double) s.calls() / syncs, 2), s.execMs() / s.calls(), s.planMs() / s.calls(),
                100.0 * s.plans() / s.calls(), 100 * s.totalMs() / totalMs);
    }

    /** The file of a known statement, or its first 60 characters without comments and with whitespace collapsed. */
    static String name(String query) {
        String text = query.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").replaceAll("\\s+", " ").strip();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            if (lower.contains(file.getKey().toLowerCase(Locale.ROOT))) {
                return file.getValue();
            }
        }
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    private static String firstLine(String message) {
        String line = message == null ? "unknown error" : message.strip().lines().findFirst().orElse("unknown error");
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }
}
