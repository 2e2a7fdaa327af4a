package io.coinsphere.exchangesync.web;

import io.coinsphere.exchangesync.database.DatabaseFaults;
import io.coinsphere.exchangesync.database.DatabaseUnavailableFilter;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Java half of the one error policy of every REST worker route, the route configuration
 * {@value #ID} in {@code routes/rest-errors.camel.yaml}: turns an unexpected exception into the
 * {@link ApiException} the client gets, without a word about the internals (the cause is logged, never a body).
 */
@Component
public class RestErrorPolicy {

    public static final String ID = "rest-errors";

    private static final Logger LOG = LoggerFactory.getLogger(ID);

    /** Replaces the caught exception by a 503 (the database did not answer) or a 500 (anything else). */
    public void translate(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = ExchangeHelper.getAtRouteId(exchange);
        ApiException reply;
        // PostgreSQL unreachable or stalled (the waits are bounded, database.DatabaseTimeouts): nobody's fault in
        // the request, so 503 with the time to wait, not a 500. A wrong query stays a 500.
        if (DatabaseFaults.isDatabaseFault(caught)) {
            LOG.warn("{}: the database did not answer ({})", routeId, caught.getClass().getSimpleName());
            reply = new ApiException(503, DatabaseUnavailableFilter.BODY.error(), DatabaseUnavailableFilter.BODY.message(),
                    List.of(), Duration.ofSeconds(Long.parseLong(DatabaseUnavailableFilter.RETRY_AFTER)));
        } else {
            LOG.error("Unexpected error in {}: {}: {}", routeId, caught == null ? null : caught.getClass().getName(),
                    caught == null ? null : caught.getMessage());
            reply = new ApiException(500, "internal_error", "Something went wrong on our side; please try again");
        }
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, reply);
    }
}
