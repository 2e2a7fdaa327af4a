package io.coinsphere.exchangesync.exchange.guard;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The outbound budget use per exchange as meters: how full each budget is, what was spent, waits, refusals
 * and the circuit breaker's state. Read from the guards on scrape, so the call path only counts.
 */
@Component
public class GuardMetrics implements MeterBinder {

    static final String USED = "coinsphere.exchange.budget.used";
    static final String CAPACITY = "coinsphere.exchange.budget.capacity";
    static final String TAKEN = "coinsphere.exchange.budget.taken";
    static final String WAITS = "coinsphere.exchange.budget.waits";
    static final String WAITED = "coinsphere.exchange.budget.waited";
    static final String REFUSED = "coinsphere.exchange.budget.refused";
    static final String CIRCUIT = "coinsphere.exchange.circuit.state";

    private final ExchangeGuards guards;

    public GuardMetrics(ExchangeGuards guards) {
        this.guards = guards;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ExchangeId id : ExchangeId.values()) {
            ExchangeGuard guard = guards.of(id);
            String exchange = id.id();
            Gauge.builder(USED, guard, ExchangeGuard::budgetUsed).tag("exchange", exchange)
                    .description("Share of the rate budget spent and not yet refilled (per-key budgets: the busiest key)")
                    .register(registry);
            Gauge.builder(CAPACITY, guard, ExchangeGuard::budgetCapacity).tag("exchange", exchange)
                    .description("Capacity of the rate budget in request units").register(registry);
            FunctionCounter.builder(TAKEN, guard.stats(), GuardStats::taken).tag("exchange", exchange)
                    .description("Budget units spent on requests (Binance request weight, else one per request)")
                    .register(registry);
            FunctionCounter.builder(WAITS, guard.stats(), GuardStats::waits).tag("exchange", exchange)
                    .description("Requests that waited for the budget or a Retry-After pause").register(registry);
            FunctionCounter.builder(WAITED, guard.stats(), GuardStats::waitedSeconds).tag("exchange", exchange)
                    .baseUnit("seconds").description("Time requests spent waiting for the budget or a pause")
                    .register(registry);
            for (GuardStats.Refusal reason : GuardStats.Refusal.values()) {
                FunctionCounter.builder(REFUSED, guard.stats(), s -> s.refused(reason))
                        .tags("exchange", exchange, "reason", reason.name().toLowerCase(Locale.ROOT))
                        .description("Requests not sent: budget used up, a long pause asked for, or the circuit open")
                        .register(registry);
            }
            Gauge.builder(CIRCUIT, guard, ExchangeGuard::circuitState).tag("exchange", exchange)
                    .description("Circuit breaker: 0 closed, 1 open, 2 half-open").register(registry);
        }
    }
}
