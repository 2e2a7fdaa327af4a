package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.micrometer.core.instrument.FunctionCounter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Exchange budgets on, at the service's default budgets (plus {@code bench.budget-args}), against the emulated
 * exchanges' real limits, with the fan-out on its own timer. B connections per exchange sync every I seconds:
 * <ol>
 * <li>all due at once: for {@code bench.budget-window-seconds} the demand is far above Binance's shared budget (each
 * key's first sync also reads its Simple Earn positions, 300 weight): connections served, share of each budget
 * used, requests the exchanges refused;</li>
 * <li>once every connection synced, two intervals of steady state in which the connections fit the budgets: served
 * per interval and p99 staleness (now - last_sync_at) at the end.</li>
 * </ol>
 */
final class BudgetPhase {

    private static final String TAKEN = "coinsphere.exchange.budget.taken";

    private BudgetPhase() {
    }

    static void run(BenchSettings s, EmulatorProcess emulator, BenchAccounts accounts, Path dir, Report report) throws Exception {
        int perExchange = Integer.getInteger("bench.budget.connections", 40);
        int interval = Integer.getInteger("bench.budget.interval-seconds", 60);
        int window = Integer.getInteger("bench.budget-window-seconds", 60);
        List<String> args = new ArrayList<>(s.serviceArgs());
        // Claims due connections every 2 s: the staleness figure then measures the pipeline, not the fan-out's tick.
        args.add("--coinsphere.sync.fanout-interval=2s");
        args.addAll(s.budgetArgs());
        emulator.enableLimits();
        try (BenchService service = BenchService.start(dir, emulator, true, true, args)) {
            BenchData data = new BenchData(service.dataSource(), service.vault(), accounts);
            int connections = perExchange * BenchAccounts.BUDGET_EXCHANGES.size();
            data.insertConnections(BenchAccounts.BUDGET_BASE, BenchAccounts.BUDGET_BASE + connections);
            Map<ExchangeId, Long> rejectedBefore = emulator.rejections();
            long mark = data.lastRunId();
            Map<ExchangeId, Double> takenBefore = taken(service);
            data.dueEvery(interval);
            Thread.sleep(window * 1000L);
            Map<ExchangeId, Double> takenAfter = taken(service);
            Map<String, Long> served = data.runsPerExchange(mark);
            report.figure("budgets on: connections served in the first " + window + " s, " + connections + " due at once ("
                    + perExchange + " per exchange, default budgets)", served.toString());
            budgetShares(service, takenBefore, takenAfter, window, perExchange, served, report);

            long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
            while (data.synced() < connections && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
            }
            int synced = data.synced();
            long steadyMark = data.lastRunId();
            Thread.sleep(2_000L * interval);
            report.figure("budgets on: seconds between two syncs of a connection once all had synced, median / max (gaps)",
                    data.syncGapsSeconds(steadyMark) + (synced < connections
                            ? " (" + (connections - synced) + " never synced within 8 min)" : ""));
            double staleness = data.stalenessP99Seconds();
            report.target("budgets on: p99 staleness (now - last_sync_at) after two intervals of " + interval + " s",
                    Report.number(staleness, 1) + " s = " + Report.number(staleness / interval, 2) + " x interval",
                    "<= 1.1 x interval", staleness <= 1.1 * interval && synced == connections);

            Map<ExchangeId, Long> rejectedAfter = emulator.rejections();
            long over = 0;
            StringBuilder overBy = new StringBuilder();
            for (ExchangeId id : BenchAccounts.BUDGET_EXCHANGES) {
                long n = rejectedAfter.get(id) - rejectedBefore.get(id);
                over += n;
                overBy.append(id.id()).append(' ').append(n).append(' ');
            }
            report.target("budgets on: requests over budget (refused by the emulated exchanges), whole phase",
                    over + " (" + overBy.toString().strip() + ")", "0", over == 0);
        }
    }

    /**
     * Units spent in the window against what the bucket could give in it (full at the start, then its refill). A
     * budget per address is shared by every connection of the exchange; a budget per key is shared by that key's
     * syncs only, so its share is per key (on average).
     */
    private static void budgetShares(BenchService service, Map<ExchangeId, Double> before, Map<ExchangeId, Double> after,
            int window, int perExchange, Map<String, Long> served, Report report) {
        StringBuilder shares = new StringBuilder();
        boolean sharedFull = true;
        for (ExchangeId id : BenchAccounts.BUDGET_EXCHANGES) {
            // The budget in force: configured parts over the registry's defaults.
            ExchangesProperties.Budget budget = service.bean(ExchangesProperties.class).budget(id);
            double capacity = budget.capacity();
            double refill = budget.refill();
            Duration period = budget.period();
            boolean perKey = budget.perKey();
            double allowed = capacity + refill * window / (period.toMillis() / 1000.0);
            double spent = after.get(id) - before.get(id);
            double share = perKey ? spent / perExchange / allowed : spent / allowed;
            // Only a budget asked for more than it allows must be used to the full; one whose connections were all
            // served in the window had nothing more to spend.
            boolean overAsked = served.getOrDefault(id.id(), 0L) < perExchange;
            if (!perKey && overAsked) {
                sharedFull &= share >= 0.9;
            }
            shares.append(id.id()).append(' ').append(Report.number(share * 100, 1)).append(" %")
                    .append(perKey ? " per key" : overAsked ? " shared, over-asked" : " shared, demand met").append(", ");
        }
        report.target("budgets on: share of each budget used in that window (units spent / what the bucket allowed)",
                shares.substring(0, shares.length() - 2), ">= 90 % (shared budgets over-asked)", sharedFull);
    }

    private static Map<ExchangeId, Double> taken(BenchService service) {
        Map<ExchangeId, Double> taken = new EnumMap<>(ExchangeId.class);
        for (ExchangeId id : BenchAccounts.BUDGET_EXCHANGES) {
            FunctionCounter counter = service.meters().find(TAKEN).tag("exchange", id.id()).functionCounter();
            taken.put(id, counter == null ? 0 : counter.count());
        }
        return taken;
    }
}
