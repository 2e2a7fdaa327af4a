package io.coinsphere.exchangesync.prices;

import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.sync.SyncEvent;
import io.coinsphere.exchangesync.sync.SyncEvents;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One refresh: every price source in turn, each within its exchange's guard; a failing exchange keeps its last
 * prices (they turn stale) and never stops the others. Then the history records what changed, and the page hears
 * that new prices are in.
 */
@Component
public class PriceRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(PriceRefresh.class);

    private final List<PriceSource> sources;
    private final PriceStore store;
    private final PricesProperties properties;
    private final SyncEvents events;

    public PriceRefresh(List<PriceSource> sources, PriceStore store, PricesProperties properties, SyncEvents events) {
        this.sources = sources;
        this.store = store;
        this.properties = properties;
        this.events = events;
    }

    /** Prices stored per exchange id (-1: that exchange failed this time). */
    public Map<String, Integer> refresh() {
        Set<String> wanted = store.wanted(properties.anchors());
        Map<String, Integer> stored = new LinkedHashMap<>();
        int total = 0;
        for (PriceSource source : sources) {
            try {
                List<MarketPrice> prices = source.fetch(wanted);
                total += store.save(prices);
                stored.put(source.exchange().id(), prices.size());
            } catch (ExchangeFailure e) {
                stored.put(source.exchange().id(), -1);
                LOG.warn("Prices from {} not refreshed: {}", source.exchange().displayName(), e.getMessage());
            }
        }
        store.recordHistory(properties.anchors(), properties.historyInterval());
        if (total > 0) {
            events.publish(SyncEvent.pricesRefreshed(OffsetDateTime.now()));
        }
        LOG.debug("Prices refreshed: {}", stored);
        return stored;
    }
}
