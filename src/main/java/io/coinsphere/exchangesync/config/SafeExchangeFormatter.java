package io.coinsphere.exchangesync.config;

import org.apache.camel.support.processor.DefaultExchangeFormatter;
import org.springframework.stereotype.Component;

/**
 * How Camel describes an exchange in a failure dump (error handlers name it with
 * {@code exchangeFormatterRef("safeExchangeFormatter")}): the exchange id, the route and the body's
 * type, and nothing else. SECURITY: REST exchanges carry the raw request (an API secret) and the
 * Authorization header, sync exchanges decrypted credentials; bodies, headers, properties and
 * variables are never printed, whatever the log level or the error handler's body setting.
 */
@Component(SafeExchangeFormatter.NAME)
public class SafeExchangeFormatter extends DefaultExchangeFormatter {

    public static final String NAME = "safeExchangeFormatter";

    public SafeExchangeFormatter() {
        setShowExchangeId(true);
        setShowRouteId(true);
        setShowBodyType(true);
        setShowBody(false);
        setShowHeaders(false);
        setShowProperties(false);
        setShowAllProperties(false);
        setShowVariables(false);
        setShowException(false);
        setShowCaughtException(false);
        setShowStackTrace(false);
        setShowCachedStreams(false);
        setShowStreams(false);
        setShowFiles(false);
        setShowFuture(false);
    }

    // Setters stay callable (Camel's bean configurer may call them) but cannot switch the dangerous parts on.
    @Override
    public void setShowAll(boolean showAll) {
        super.setShowAll(false);
    }
}
