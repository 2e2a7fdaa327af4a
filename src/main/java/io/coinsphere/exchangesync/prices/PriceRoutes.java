package io.coinsphere.exchangesync.prices;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Reads the exchanges' public prices every {@code coinsphere.prices.refresh} (first one shortly after start).
 * The timer only hands off to {@code direct:prices-refresh}, which tests call themselves.
 */
@Component
public class PriceRoutes extends RouteBuilder {

    private final PriceRefresh refresh;
    private final PricesProperties properties;

    public PriceRoutes(PriceRefresh refresh, PricesProperties properties) {
        this.refresh = refresh;
        this.properties = properties;
    }

    @Override
    public void configure() {
        // A timer per instance: each instance spends its own budget, as its syncs do.
        from("timer:prices-refresh?delay=2000&period=" + Math.max(1000, properties.refresh().toMillis()))
                .routeId("prices-timer").autoStartup(properties.enabled())
                .to("direct:prices-refresh");

        from("direct:prices-refresh").routeId("prices-refresh")
                .setBody(method(refresh, "refresh"));
    }
}
