package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.holdings.ValuedHoldings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the portfolio history and the valuation cost, measured on the Kafka phase's service right after its measured
 * cycles: the snapshots those syncs wrote (the upsert writes one only when holdings changed or the heartbeat is
 * due), the database time of one snapshot insert, the bytes a snapshot takes, and the thread CPU of a price refresh
 * and of valuing a portfolio (both run outside the sync: a refresh once a minute, a valuation per page load).
 */
final class HistoryCost {

    private static final int INSERTS = 2_000;
    private static final int VALUATIONS = 200;

    private HistoryCost() {
    }

    /** {@code snapshotsBefore}: rows before the measured cycles; {@code cpuMsPerSync}: service + emulator + PostgreSQL. */
    static void report(BenchService service, long snapshotsBefore, long syncs, double cpuMsPerSync, int assets, Report report) {
        DataSource dataSource = service.dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long snapshots = jdbc.queryForObject("SELECT count(*) FROM holding_snapshots", Long.class) - snapshotsBefore;
        double perSync = (double) snapshots / syncs;
        report.figure("history snapshots written by the measured syncs (holdings changed or heartbeat due)",
                snapshots + " for " + syncs + " syncs = " + Report.number(perSync, 3) + " per sync");

        // One snapshot insert as the upsert's CTE makes it (K symbols and amounts aggregated from unnest), timed by
        // PostgreSQL itself: the database time a due snapshot adds to the sync's statement.
        Map<String, Object> sample = jdbc.queryForMap("SELECT connection_id, user_id FROM holding_snapshots LIMIT 1");
        String[] symbols = new String[assets];
        String[] amounts = new String[assets];
        for (int i = 0; i < assets; i++) {
            symbols[i] = "A" + i;
            amounts[i] = "123.456789012345678";
        }
        String insert = "/* bench-history */ INSERT INTO holding_snapshots (connection_id, user_id, taken_at, symbols, amounts) "
                + "SELECT ?, ?, now(), array_agg(s ORDER BY s), array_agg(CAST(a AS numeric) ORDER BY s) "
                + "FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS i(s, a)";
        UUID connection = (UUID) sample.get("connection_id");
        jdbc.query("SELECT pg_stat_statements_reset()", rs -> { });
        for (int i = 0; i < INSERTS; i++) {
            jdbc.update(con -> {
                var ps = con.prepareStatement(insert);
                ps.setObject(1, connection);
                ps.setObject(2, sample.get("user_id"));
                ps.setArray(3, con.createArrayOf("text", symbols));
                ps.setArray(4, con.createArrayOf("text", amounts));
                return ps;
            });
        }
        Double execMs = jdbc.queryForObject("SELECT sum(total_exec_time + total_plan_time) / sum(calls) FROM pg_stat_statements "
                + "WHERE query LIKE '/* bench-history */%'", Double.class);
        long bytes = jdbc.queryForObject("SELECT pg_total_relation_size('holding_snapshots')", Long.class);
        long rows = jdbc.queryForObject("SELECT count(*) FROM holding_snapshots", Long.class);
        jdbc.update("DELETE FROM holding_snapshots WHERE connection_id = ? AND symbols[1] = 'A0'", connection);
        double bytesPerRow = (double) bytes / rows;
        double dbMsPerSync = execMs == null ? Double.NaN : execMs * perSync;
        report.figure("one snapshot insert (K=" + assets + ", plan + exec, pg_stat_statements over " + INSERTS + " inserts)",
                Report.number(execMs == null ? Double.NaN : execMs, 3) + " ms");
        report.target("history cost per sync: snapshots per sync x insert time, share of the sync's CPU (service + emulator + PostgreSQL "
                        + Report.number(cpuMsPerSync, 2) + " ms)",
                Report.number(dbMsPerSync, 4) + " ms = " + Report.number(100 * dbMsPerSync / cpuMsPerSync, 2) + " %", "< 10 %",
                dbMsPerSync / cpuMsPerSync < 0.10);
        report.figure("history storage per snapshot (table + indexes / rows, K=" + assets + ")", Report.number(bytesPerRow, 0) + " B");
        report.figure("history storage per connection and day: steady (hourly heartbeat) / changed at every 5-minute sync for 7 days "
                        + "/ after 7 days (hourly) / after 90 days (daily)",
                Report.number(24 * bytesPerRow / 1024, 1) + " / " + Report.number(288 * bytesPerRow / 1024, 1) + " / "
                        + Report.number(24 * bytesPerRow / 1024, 1) + " / " + Report.number(bytesPerRow / 1024, 2) + " KiB");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProducerTemplate producer = service.producer();
        producer.requestBody("direct:prices-refresh", (Object) null);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        producer.requestBody("direct:prices-refresh", (Object) null);
        double refreshCpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        double refreshWallMs = (System.nanoTime() - wall) / 1e6;
        long prices = jdbc.queryForObject("SELECT count(*) FROM market_prices", Long.class);
        report.figure("price refresh (all four exchanges' tickers, once a minute; thread CPU / wall)",
                Report.number(refreshCpuMs, 1) + " / " + Report.number(refreshWallMs, 0) + " ms for " + prices + " prices = "
                        + Report.number(refreshCpuMs / (60 * 500), 5) + " ms per sync at 500 syncs/s");

        ValuedHoldings valued = service.bean(ValuedHoldings.class);
        List<UUID> users = jdbc.queryForList("SELECT DISTINCT user_id FROM exchange_connections LIMIT 20", UUID.class);
        for (UUID user : users) {
            valued.portfolio(user);
        }
        cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < VALUATIONS; i++) {
            valued.portfolio(users.get(i % users.size()));
        }
        double valuationMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / VALUATIONS;
        report.figure("valuing a user's portfolio for GET /api/v1/holdings (10 connections x K assets, query + valuation; thread CPU, "
                + "not part of a sync)", Report.number(valuationMs, 3) + " ms");
    }
}
