package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.sync.HoldingsParams;
import io.coinsphere.exchangesync.vault.VaultException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Describes a failed sync for the dead-letter and disable routes: the status to set and a
 * last_error that a user can act on. SECURITY: only our own exception messages are used, and they
 * never carry secrets; anything unexpected becomes a generic sentence.
 */
@Component
public class SyncOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(SyncOutcomes.class);

    /** Retries are exhausted: the connection shows 'error' and is retried at its next interval. */
    public Map<String, Object> exhausted(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return params(exchange, "error", errorMessage(cause));
    }

    /** The key itself is the problem: the connection is 'disabled' until the user updates it. */
    public Map<String, Object> disabled(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String message;
        if (cause instanceof CredentialsRejected rejected) {
            message = rejected.getMessage() + " Automatic syncs are paused until you update the API key.";
        } else {
            message = "The stored API credentials could not be decrypted. Automatic syncs are paused until you update the API key.";
        }
        return params(exchange, "disabled", message);
    }

    static String errorMessage(Throwable cause) {
        if (cause instanceof ExchangeFailure failure) {
            return failure.getMessage();
        }
        if (cause instanceof VaultException vault) {
            return vault.getMessage();
        }
        return "The sync failed because of an internal error; it will be retried at the next interval.";
    }

    private static Map<String, Object> params(Exchange exchange, String status, String error) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("connectionId", String.valueOf(exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID)));
        params.put("status", status);
        params.put("error", error);
        HoldingsParams.putRunParams(params, exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // The "Sync finished" line (SyncMetrics) reports the outcome; an unexpected cause is only named here.
        if (cause != null && !(cause instanceof ExchangeFailure) && !(cause instanceof VaultException)) {
            LOG.warn("Sync of connection {} failed with an unexpected error: {}", params.get("connectionId"), cause.toString());
        }
        return params;
    }
}
