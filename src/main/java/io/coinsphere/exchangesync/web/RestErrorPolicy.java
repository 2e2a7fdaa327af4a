package io.coinsphere.exchangesync.web;

import io.coinsphere.exchangesync.database.DatabaseFaults;
import io.coinsphere.exchangesync.database.DatabaseUnavailableFilter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one error policy of every REST worker route ({@code routeConfigurationId("rest-errors")}):
 * a known {@link ApiException} becomes its status and JSON body; anything else becomes a 500 whose
 * body says nothing about the internals (the cause is logged, without message bodies).
 */
@Component
public class RestErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "rest-errors";

    private final JsonReplyWriter writer;

    public RestErrorPolicy(JsonReplyWriter writer) {
        this.writer = writer;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(ApiException.class)
                    .handled(true)
                    .bean(writer, "writeError")
                .end()
                // PostgreSQL unreachable or stalled (the waits are bounded, database.DatabaseTimeouts): nobody's fault in
                // the request, so 503 with the time to wait, not a 500. A wrong query stays a 500 below.
                .onException(DataAccessException.class, SQLException.class)
                    .onWhen(e -> DatabaseFaults.isDatabaseFault(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                    .handled(true)
                    .log(LoggingLevel.WARN, "rest-errors", "${routeId}: the database did not answer (${exception.class.simpleName})")
                    .process(e -> e.setProperty(Exchange.EXCEPTION_CAUGHT, new ApiException(503,
                            DatabaseUnavailableFilter.BODY.error(), DatabaseUnavailableFilter.BODY.message(), List.of(),
                            Duration.ofSeconds(Long.parseLong(DatabaseUnavailableFilter.RETRY_AFTER)))))
                    .bean(writer, "writeError")
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .log(org.apache.camel.LoggingLevel.ERROR, "rest-errors",
                            "Unexpected error in ${routeId}: ${exception.class.name}: ${exception.message}")
                    .process(e -> e.setProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT,
                            new ApiException(500, "internal_error", "Something went wrong on our side; please try again")))
                    .bean(writer, "writeError")
                .end();
    }
}
