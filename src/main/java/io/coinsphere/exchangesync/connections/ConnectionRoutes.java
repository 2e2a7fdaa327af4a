package io.coinsphere.exchangesync.connections;

import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/** REST verbs on a user's connections and their worker routes. */
@Component
public class ConnectionRoutes extends RouteBuilder {

    private final ConnectionService service;
    private final JsonReplyWriter writer;

    public ConnectionRoutes(ConnectionService service, JsonReplyWriter writer) {
        this.service = service;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/exchanges/connections").description("A user's exchange connections")
                .get().id("rest-connections-list").description("List connections (never a secret)")
                    .produces("application/json")
                    .responseMessage().code(200).message("The user's connections").endResponseMessage()
                    .to("direct:connections-list")
                .get("/{id}").id("rest-connections-get").description("A connection with its holdings and last 20 sync runs")
                    .produces("application/json")
                    .param().name("id").description("Connection id (UUID)").endParam()
                    .responseMessage().code(404).message("No such connection").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:connections-get")
                .patch("/{id}").id("rest-connections-update").description("Change label, auto-sync or sync interval")
                    .consumes("application/json").produces("application/json").type(ConnectionSettings.class)
                    .param().name("id").description("Connection id (UUID)").endParam()
                    .responseMessage().code(200).message("The updated connection").endResponseMessage()
                    .responseMessage().code(404).message("No such connection").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:connections-update")
                .delete("/{id}").id("rest-connections-delete")
                    .description("Disconnect: remove the connection and its holdings; its past stays in the history unless eraseHistory=true")
                    .produces("application/json")
                    .param().name("id").description("Connection id (UUID)").endParam()
                    .param().name("eraseHistory").type(RestParamType.query)
                        .description("true: also erase the connection's past from the portfolio history").endParam()
                    .responseMessage().code(200).message("Disconnected").endResponseMessage()
                    .responseMessage().code(404).message("No such connection").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:connections-delete");

        from("direct:connections-list").routeId("connections-list").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "list")).bean(writer, "writeReply");
        from("direct:connections-get").routeId("connections-get").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "get")).bean(writer, "writeReply");
        from("direct:connections-update").routeId("connections-update").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "update")).bean(writer, "writeReply");
        from("direct:connections-delete").routeId("connections-delete").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "delete")).bean(writer, "writeReply");
    }
}
