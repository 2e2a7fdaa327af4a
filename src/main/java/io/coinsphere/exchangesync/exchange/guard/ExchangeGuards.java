package io.coinsphere.exchangesync.exchange.guard;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** One {@link ExchangeGuard} per exchange, shared by every route and thread of this instance. */
@Component
public class ExchangeGuards {

    private final Map<ExchangeId, ExchangeGuard> guards = new EnumMap<>(ExchangeId.class);

    public ExchangeGuards(ExchangesProperties properties) {
        for (ExchangeId id : ExchangeId.values()) {
            guards.put(id, new ExchangeGuard(id, properties));
        }
    }

    public ExchangeGuard of(ExchangeId exchange) {
        return guards.get(exchange);
    }
}
