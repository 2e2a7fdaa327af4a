package io.coinsphere.exchangesync.web;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * The REST DSL's shared settings. JSON is read and written by {@link JsonBodies} and
 * {@link JsonReplyWriter} rather than by Camel's binding, so that malformed input becomes a
 * precise 400 instead of a binding exception.
 */
@Component
public class RestApiConfiguration extends RouteBuilder {

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                .apiContextPath("/api-doc")
                // A kebab-case id like every other route (Hawtio and metrics list routes by id).
                .apiContextRouteId("rest-api-doc")
                .apiProperty("api.title", "Coinsphere Exchange Sync API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Connect exchange accounts with read-only API keys and keep holdings in sync.");
    }
}
