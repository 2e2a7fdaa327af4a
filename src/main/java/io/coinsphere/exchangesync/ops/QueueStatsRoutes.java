package io.coinsphere.exchangesync.ops;

import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/exchanges/queue/stats} (role ADMIN, enforced by the security filter chain). */
@Component
public class QueueStatsRoutes extends RouteBuilder {

    private final QueueStatsQuery query;
    private final JsonReplyWriter writer;

    public QueueStatsRoutes(QueueStatsQuery query, JsonReplyWriter writer) {
        this.query = query;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/exchanges/queue").description("Sync queue monitoring (administrators)")
                .get("/stats").id("rest-queue-stats")
                    .description("Waiting, in-flight, and last hour's completed and failed syncs, in total and per exchange")
                    .produces("application/json").outType(QueueStats.class)
                    .responseMessage().code(200).message("Queue statistics").responseModel(QueueStats.class).endResponseMessage()
                    .responseMessage().code(401).message("unauthorized").responseModel(ApiError.class).endResponseMessage()
                    .responseMessage().code(403).message("forbidden: the ADMIN role is required").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:ops-queue-stats");

        from("direct:ops-queue-stats").routeId("ops-queue-stats").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(query, "stats"))
                .bean(writer, "writeReply");
    }
}
