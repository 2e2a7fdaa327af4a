package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.config.SafeExchangeFormatter;
import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/** The sync flow's redelivery of transient exchange failures (sync-errors.camel.yaml): exponential backoff, then the dead letter (status 'error'). */
public class ExchangeRetryPolicy extends RedeliveryPolicy {
    ExchangeRetryPolicy(SyncProperties.Retry retry) {
        setMaximumRedeliveries(retry.maxRedeliveries());
        setRedeliveryDelay(retry.initialDelay().toMillis());
        setUseExponentialBackOff(true);
        setBackOffMultiplier(retry.multiplier());
        setMaximumRedeliveryDelay(retry.initialDelay().toMillis() * 64);
        setAsyncDelayedRedelivery(true);
        setRetryAttemptedLogLevel(LoggingLevel.INFO);
        // An exhausted sync is logged once with its route history, so operators see where it failed. The dead
        // letter route handles it, and Camel logs handled failures only when asked (logHandled).
        setLogExhausted(true);
        setLogHandled(true);
        setRetriesExhaustedLogLevel(LoggingLevel.WARN);
        setLogExhaustedMessageHistory(true);
        // SECURITY: the message body holds decrypted credentials and the headers name the user: the dump shows
        // only the exchange id, route and body type (SafeExchangeFormatter), never the body.
        setLogExhaustedMessageBody(false);
        setExchangeFormatterRef(SafeExchangeFormatter.NAME);
        setLogStackTrace(false);
        setLogRetryStackTrace(false);
    }
}
