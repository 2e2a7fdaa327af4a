package io.coinsphere.exchangesync.sync;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/** The sync flow's redelivery while PostgreSQL is away (sync-errors.camel.yaml): more patient retries (waits capped at 30 s), never counted as the exchange's failure. */
public class DatabaseRetryPolicy extends RedeliveryPolicy {
    DatabaseRetryPolicy(SyncProperties.Retry retry) {
        setMaximumRedeliveries(retry.databaseRedeliveries());
        setRedeliveryDelay(retry.initialDelay().toMillis());
        setUseExponentialBackOff(true);
        setBackOffMultiplier(retry.multiplier());
        setMaximumRedeliveryDelay(Math.max(retry.initialDelay().toMillis(), 30_000));
        setAsyncDelayedRedelivery(true);
        setRetryAttemptedLogLevel(LoggingLevel.WARN);
        setLogRetryStackTrace(false);
        setLogStackTrace(false);
    }
}
