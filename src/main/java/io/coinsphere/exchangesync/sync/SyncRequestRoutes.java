package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.ops.Correlation;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** REST commands that queue manual syncs; they go ahead of scheduled work. */
@Component
public class SyncRequestRoutes extends RouteBuilder {

    private final SyncRequests requests;
    private final JsonReplyWriter writer;

    public SyncRequestRoutes(SyncRequests requests, JsonReplyWriter writer) {
        this.requests = requests;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/exchanges").description("Manual syncs")
                .post("/connections/{id}/sync").id("rest-sync-one").description("Queue a sync of one connection now")
                    .produces("application/json")
                    .param().name("id").description("Connection id (UUID)").endParam()
                    .responseMessage().code(202).message("Sync queued, or \"Sync already running\" (nothing queued)").endResponseMessage()
                    .responseMessage().code(503).message("database_unavailable or queue_unavailable").responseModel(ApiError.class).endResponseMessage()
                    .responseMessage().code(404).message("No such connection").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:sync-request-one")
                .post("/sync-all").id("rest-sync-all").description("Queue a sync of every connection of the user")
                    .produces("application/json")
                    .responseMessage().code(202).message("Syncs queued").endResponseMessage()
                    .to("direct:sync-request-all");

        from("direct:sync-request-one").routeId("sync-request-one").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(requests, "one"))
                .choice()
                    .when(exchangeProperty(SyncRequests.RUNNING))
                        .setBody(method(requests, "alreadyRunning"))
                    .otherwise()
                        .setHeader(SyncHeaders.TRIGGER, constant("manual"))
                        // The sync runs on a worker thread (after Kafka): its log lines carry this request's id.
                        .setHeader(Correlation.HEADER, method(Correlation.class, "current"))
                        .to("direct:sync-request")
                        .setBody(method(requests, "queuedOne"))
                .end()
                .bean(writer, "writeReply");

        from("direct:sync-request-all").routeId("sync-request-all").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(requests, "all"))
                .setHeader(SyncHeaders.TRIGGER, constant("manual"))
                // The sync runs on a worker thread (after Kafka): its log lines carry this request's id.
                .setHeader(Correlation.HEADER, method(Correlation.class, "current"))
                .to("direct:sync-request")
                .setBody(method(requests, "queuedAll"))
                .bean(writer, "writeReply");
    }
}
