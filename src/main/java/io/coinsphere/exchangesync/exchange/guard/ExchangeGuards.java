package io.coinsphere.exchangesync.exchange.guard;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One {@link ExchangeGuard} per exchange, shared by every route and thread of this instance. An exchange whose
 * budget is {@code shared} draws from one bucket in PostgreSQL with every other instance on the database.
 */
@Component
public class ExchangeGuards {

    private final Map<ExchangeId, ExchangeGuard> guards = new EnumMap<>(ExchangeId.class);

    /** Guards with budgets of this instance only (a shared budget is refused: it needs the database). */
    public ExchangeGuards(ExchangesProperties properties) {
        this(properties, (DataSource) null);
    }

    @Autowired
    public ExchangeGuards(ExchangesProperties properties, ObjectProvider<DataSource> dataSource) {
        this(properties, dataSource.getIfAvailable());
    }

    public ExchangeGuards(ExchangesProperties properties, DataSource dataSource) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> buckets = null;
        for (ExchangeId id : ExchangeId.values()) {
            ExchangesProperties.Budget budget = properties.budget(id);
            RateBucket shared = null;
            if (budget.isShared()) {
                if (budget.perKey()) {
                    throw new IllegalStateException("coinsphere.exchanges." + id.id() + ".budget.shared applies to a budget"
                            + " per address: set budget.per-key=false with the address limit's capacity, refill and period");
                }
                if (dataSource == null) {
                    throw new IllegalStateException("coinsphere.exchanges." + id.id() + ".budget.shared needs the database");
                }
                buckets = buckets != null ? buckets : SharedTokenBucket.proxyManager(dataSource);
                shared = new SharedTokenBucket(id, budget, buckets, System::nanoTime);
            }
            guards.put(id, new ExchangeGuard(id, properties, shared));
        }
    }

    public ExchangeGuard of(ExchangeId exchange) {
        return guards.get(exchange);
    }
}
