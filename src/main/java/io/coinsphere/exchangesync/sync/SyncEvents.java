package io.coinsphere.exchangesync.sync;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link SyncEvent} at the end of a sync and hands it to the in-process subscribers
 * (the page's live updates). A failing subscriber never fails the sync.
 */
@Component
public class SyncEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEvents.class);

    private final List<Consumer<SyncEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Registers a subscriber; the returned handle removes it. */
    public Runnable subscribe(Consumer<SyncEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The event of a sync whose holdings were just committed; the body is the upsert's parameters. */
    public SyncEvent succeeded(Map<String, Object> params, Exchange exchange) {
        String[] symbols = (String[]) params.get("symbols");
        String[] totals = (String[]) params.get("totals");
        List<SyncEvent.Asset> assets = new ArrayList<>(symbols.length);
        for (int i = 0; i < symbols.length; i++) {
            assets.add(new SyncEvent.Asset(symbols[i], totals[i]));
        }
        return event(exchange, "success", assets, null);
    }

    /** The event of a failed sync; the body is the failure's parameters (status, error). */
    public SyncEvent failed(Map<String, Object> params, Exchange exchange) {
        return event(exchange, (String) params.get("status"), List.of(), (String) params.get("error"));
    }

    public void publish(SyncEvent event) {
        for (Consumer<SyncEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("A sync event subscriber failed: {}", e.toString());
            }
        }
    }

    private static SyncEvent event(Exchange exchange, String status, List<SyncEvent.Asset> assets, String error) {
        return new SyncEvent(
                uuid(exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID)),
                uuid(exchange.getMessage().getHeader(SyncHeaders.USER_ID)),
                exchange.getMessage().getHeader(SyncHeaders.EXCHANGE, String.class),
                status, OffsetDateTime.now(), assets, error);
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
