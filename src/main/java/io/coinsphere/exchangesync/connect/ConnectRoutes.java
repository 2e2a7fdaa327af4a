package io.coinsphere.exchangesync.connect;

import io.coinsphere.exchangesync.sync.trigger.FanoutTrigger;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** REST verbs of the connect flow and their worker routes. */
@Component
public class ConnectRoutes extends RouteBuilder {

    private final ConnectService service;
    private final FanoutTrigger fanout;
    private final JsonReplyWriter writer;

    public ConnectRoutes(ConnectService service, FanoutTrigger fanout, JsonReplyWriter writer) {
        this.service = service;
        this.fanout = fanout;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/exchanges").description("Exchange connections")
                .get("/supported").id("rest-exchanges-supported").description("Supported exchanges")
                    .produces("application/json")
                    .responseMessage().code(200).message("The exchanges that can be connected").endResponseMessage()
                    .to("direct:connect-supported")
                .post("/test").id("rest-exchanges-test").description("Test API credentials without storing them")
                    .consumes("application/json").produces("application/json").type(CredentialsRequest.class)
                    .responseMessage().code(200).message("The exchange accepted the key").endResponseMessage()
                    .responseMessage().code(400).message("Invalid request").responseModel(ApiError.class).endResponseMessage()
                    .responseMessage().code(422).message("The exchange rejected the key").responseModel(ApiError.class).endResponseMessage()
                    .responseMessage().code(502).message("The exchange could not be reached").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:connect-test")
                .post("/connect").id("rest-exchanges-connect").description("Test, then store a connection encrypted")
                    .consumes("application/json").produces("application/json").type(CredentialsRequest.class)
                    .responseMessage().code(201).message("Connected").endResponseMessage()
                    .responseMessage().code(409).message("This key is already connected").responseModel(ApiError.class).endResponseMessage()
                    .responseMessage().code(422).message("The exchange rejected the key").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:connect-create")
                .put("/connections/{id}/credentials").id("rest-exchanges-credentials")
                    .description("Replace a connection's API key (repairs a disabled connection)")
                    .consumes("application/json").produces("application/json").type(CredentialsRequest.class)
                    .param().name("id").description("Connection id (UUID)").endParam()
                    .responseMessage().code(200).message("Credentials replaced; a sync is queued").endResponseMessage()
                    .responseMessage().code(404).message("No such connection").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:connect-credentials");

        from("direct:connect-supported").routeId("connect-supported").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "supported"))
                .bean(writer, "writeReply");

        from("direct:connect-test").routeId("connect-test").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "test"))
                .bean(writer, "writeReply");

        from("direct:connect-create").routeId("connect-create").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "connect"))
                .bean(fanout, "claimNow")
                .bean(writer, "writeReply");

        from("direct:connect-credentials").routeId("connect-credentials").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(service, "replaceCredentials"))
                .bean(fanout, "claimNow")
                .bean(writer, "writeReply");
    }
}
