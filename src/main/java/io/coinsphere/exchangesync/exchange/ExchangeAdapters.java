package io.coinsphere.exchangesync.exchange;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Finds the adapter for an exchange; every {@link ExchangeId} must have exactly one. */
@Component
public class ExchangeAdapters {

    private final Map<ExchangeId, ExchangeAdapter> byExchange = new EnumMap<>(ExchangeId.class);

    public ExchangeAdapters(List<ExchangeAdapter> adapters) {
        for (ExchangeAdapter adapter : adapters) {
            ExchangeAdapter previous = byExchange.putIfAbsent(adapter.exchange(), adapter);
            if (previous != null) {
                throw new IllegalStateException("Two adapters for " + adapter.exchange() + ": "
                        + previous.getClass().getName() + " and " + adapter.getClass().getName());
            }
        }
        for (ExchangeId id : ExchangeId.values()) {
            if (!byExchange.containsKey(id)) {
                throw new IllegalStateException("No adapter for " + id);
            }
        }
    }

    public ExchangeAdapter forExchange(ExchangeId exchange) {
        return byExchange.get(exchange);
    }

    public Collection<ExchangeAdapter> all() {
        return Collections.unmodifiableCollection(byExchange.values());
    }
}
