package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.nio.file.Path;
import java.util.Map;

/**
 * With exchange budgets on ({@code -Dbench.budget-args="--coinsphere.exchanges.binance.budget... ..."}): one
 * cycle of N connections observed for {@code bench.budget-window-seconds}; connections served and requests
 * sent per exchange, and p99 staleness at the end of the window. Without budget arguments the rows are n/a.
 */
final class BudgetPhase {

    private BudgetPhase() {
    }

    static void run(BenchSettings s, EmulatorProcess emulator, BenchAccounts accounts, Path dir, Report report) throws Exception {
        if (s.budgetArgs().isEmpty()) {
            String why = "no -Dbench.budget-args given";
            report.notAvailable("budgets on: connections served per cycle per exchange", "", why);
            report.notAvailable("budgets on: share of each budget used", ">= 90 %", why);
            report.notAvailable("budgets on: requests over budget", "0", why);
            report.notAvailable("budgets on: p99 staleness at the end of a cycle", "<= 1.1 x interval", why);
            return;
        }
        int window = Integer.getInteger("bench.budget-window-seconds", 60);
        java.util.List<String> args = new java.util.ArrayList<>(s.serviceArgs());
        args.addAll(s.budgetArgs());
        // The throughput phases ran without the exchanges' limits; this one is measured against them.
        emulator.enableLimits();
        try (BenchService service = BenchService.start(dir, emulator, true, args)) {
            BenchData data = new BenchData(service.dataSource(), service.vault(), accounts);
            data.insertConnections(0, s.connections());
            ProbeUser probe = ProbeUser.create(service.port(), data, service.vault(), accounts, s.connections());
            long mark = data.lastRunId();
            Map<ExchangeId, Long> before = emulator.requestCounts();
            Map<ExchangeId, Long> rejectedBefore = emulator.rejections();
            data.makeDue(probe.userId(), s.connections());
            service.producer().sendBody("direct:fanout-claim", null);
            Thread.sleep(window * 1000L);
            Map<ExchangeId, Long> after = emulator.requestCounts();
            Map<ExchangeId, Long> rejectedAfter = emulator.rejections();
            long over = 0;
            StringBuilder overBy = new StringBuilder();
            for (ExchangeId id : ExchangeId.values()) {
                long n = rejectedAfter.get(id) - rejectedBefore.get(id);
                over += n;
                overBy.append(id.id()).append(' ').append(n).append(' ');
            }
            StringBuilder requests = new StringBuilder();
            for (ExchangeId id : ExchangeId.values()) {
                requests.append(id.id()).append(' ').append(Report.number((after.get(id) - before.get(id)) * 60.0 / window, 0))
                        .append("/min ");
            }
            report.figure("budgets on: connections served in " + window + " s per exchange", data.runsPerExchange(mark).toString());
            report.figure("budgets on: requests per exchange (compare with the configured budgets)", requests.toString().strip());
            report.target("budgets on: requests over budget (refused by the emulated exchanges)", over + " (" + overBy.toString().strip() + ")",
                    "0", over == 0);
            report.figure("budgets on: p99 staleness after " + window + " s",
                    Report.number(data.stalenessP99Seconds(probe.userId()), 1) + " s");
        }
    }
}
