package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.database.DatabaseFaults;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Sorts a failed attempt for the error policy (sync-errors.camel.yaml). */
@Component
public class SyncFaults {

    /** PostgreSQL unreachable or stalled: not the exchange's fault. */
    public boolean database(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return DatabaseFaults.isDatabaseFault(caught != null ? caught : exchange.getException());
    }
}
