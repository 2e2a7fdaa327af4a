package io.coinsphere.exchangesync.holdings;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/holdings}: the default portfolio's total per asset, with the per-connection breakdown. */
@Component
public class HoldingsRestRoutes extends RouteBuilder {

    private final HoldingsQuery query;
    private final JsonReplyWriter writer;

    public HoldingsRestRoutes(HoldingsQuery query, JsonReplyWriter writer) {
        this.query = query;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/holdings").description("Portfolio holdings")
                .get().id("rest-holdings-list").description("Total per asset with the per-connection breakdown")
                    .produces("application/json")
                    .responseMessage().code(200).message("Holdings; amounts are exact decimal strings").endResponseMessage()
                    .to("direct:holdings-list");

        from("direct:holdings-list").routeId("holdings-list").routeConfigurationId(RestErrorPolicy.ID)
                .process(e -> e.getMessage().setBody(ApiReply.ok(Map.of("holdings", query.portfolio(CurrentUser.id(e))))))
                .bean(writer, "writeReply");
    }
}
