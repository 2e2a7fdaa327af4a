package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.config.SafeExchangeFormatter;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.vault.VaultException;
import io.coinsphere.exchangesync.database.DatabaseFaults;
import java.sql.SQLException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.springframework.dao.DataAccessException;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The one error policy of the sync flow ({@code routeConfigurationId("sync-errors")}).
 * Transient failures (network, 5xx, timeouts, rate limits, database hiccups) are redelivered with
 * exponential backoff, without holding a worker thread while waiting, then dead-lettered: status
 * 'error'. A rejected key or undecryptable credentials are never retried: status 'disabled'.
 */
@Component
public class SyncErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "sync-errors";

    private final SyncProperties properties;
    private final SyncThrottle throttle;

    public SyncErrorPolicy(SyncProperties properties, SyncThrottle throttle) {
        this.properties = properties;
        this.throttle = throttle;
    }

    @Override
    public void configuration() {
        SyncProperties.Retry retry = properties.retry();
        DeadLetterChannelBuilder deadLetter = deadLetterChannel("direct:sync-dead-letter");
        deadLetter.maximumRedeliveries(retry.maxRedeliveries())
                .redeliveryDelay(retry.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(retry.multiplier())
                .maximumRedeliveryDelay(retry.initialDelay().toMillis() * 64)
                // The worker goes on with other connections while this one waits for its retry.
                .asyncDelayedRedelivery()
                // A failed attempt gives its concurrency permit back: a retry waiting out its backoff holds none.
                .onExceptionOccurred(throttle::release)
                .retryAttemptedLogLevel(LoggingLevel.INFO)
                // An exhausted sync is logged once with its route history, so operators see where it failed. The
                // dead letter route handles it, and Camel logs handled failures only when asked (logHandled).
                .logExhausted(true)
                .logHandled(true)
                .retriesExhaustedLogLevel(LoggingLevel.WARN)
                .logExhaustedMessageHistory(true)
                // SECURITY: the message body holds decrypted credentials and the headers name the user: the dump
                // shows only the exchange id, route and body type (SafeExchangeFormatter), never the body.
                .logExhaustedMessageBody(false)
                .exchangeFormatterRef(SafeExchangeFormatter.NAME)
                .logStackTrace(false)
                .logRetryStackTrace(false);

        routeConfiguration(ID)
                .errorHandler(deadLetter)
                // PostgreSQL unreachable or stalled: not the exchange's fault, so more patient retries and, if it is
                // still away, no 'error' status (which could not be written anyway). The lease is handed back and
                // the connection made due (ops.LeaseHandback), or the lease lapses and the fan-out claims it again.
                .onException(DataAccessException.class, SQLException.class)
                    .onWhen(e -> DatabaseFaults.isDatabaseFault(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                    .maximumRedeliveries(retry.databaseRedeliveries())
                    .redeliveryDelay(retry.initialDelay().toMillis())
                    .useExponentialBackOff()
                    .backOffMultiplier(retry.multiplier())
                    .maximumRedeliveryDelay(Math.max(retry.initialDelay().toMillis(), 30_000))
                    .asyncDelayedRedelivery()
                    .onExceptionOccurred(throttle::release)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logRetryStackTrace(false)
                    .logStackTrace(false)
                    .handled(true)
                    .to("direct:sync-database-unavailable")
                .end()
                .onException(CredentialsRejected.class, VaultException.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .to("direct:sync-disable")
                .end();
    }
}
