package io.coinsphere.exchangesync.exchange.http;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;

/**
 * Base of an adapter that signs and sends its own requests to an exchange's REST API over {@link ExchangeHttp}.
 * A subclass adds its signature and answer envelope (a small client over {@link #http()}), its endpoints, its JSON
 * mapping and its error codes.
 */
public abstract class SignedHttpAdapter extends SignedAdapter {

    private final ExchangeHttp http;

    protected SignedHttpAdapter(ExchangeId id, ExchangesProperties properties, ExchangeGuards guards) {
        super(id, properties, guards);
        this.http = new ExchangeHttp(id, properties);
    }

    protected final ExchangeHttp http() {
        return http;
    }
}
