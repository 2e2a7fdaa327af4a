package io.coinsphere.exchangesync.ops;

import io.coinsphere.exchangesync.database.DatabaseFaults;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Java half of the error policy of the timer routes, the route configuration {@value #ID} in
 * {@code routes/timer-errors.camel.yaml}: a failed tick is logged once and the next tick runs as usual.
 * While PostgreSQL is stalled every tick fails the same way, so that case is one WARN line without a stack trace;
 * anything else is an ERROR with its stack trace, never with the message body.
 */
@Component
public class TimerErrorPolicy {

    public static final String ID = "timer-errors";

    private static final Logger LOG = LoggerFactory.getLogger(TimerErrorPolicy.class);

    /** Logs the exception caught in a timer route. */
    public void log(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = ExchangeHelper.getAtRouteId(exchange);
        if (DatabaseFaults.isDatabaseFault(caught)) {
            LOG.warn("{}: the database did not answer ({}); the next tick tries again", routeId,
                    caught.getClass().getSimpleName());
        } else {
            LOG.error("{} failed; the next tick runs as usual", routeId, caught);
        }
    }
}
