package io.coinsphere.exchangesync.web;

import org.apache.camel.builder.RouteConfigurationBuilder;
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
