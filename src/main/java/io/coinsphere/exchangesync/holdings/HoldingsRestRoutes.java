package io.coinsphere.exchangesync.holdings;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/holdings}: the default portfolio's total and value per asset, with the per-connection breakdown. */
@Component
public class HoldingsRestRoutes extends RouteBuilder {

    private final ValuedHoldings holdings;
    private final JsonReplyWriter writer;

    public HoldingsRestRoutes(ValuedHoldings holdings, JsonReplyWriter writer) {
        this.holdings = holdings;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/holdings").description("Portfolio holdings")
                .get().id("rest-holdings-list").description("Total per asset with the per-connection breakdown, "
                            + "valued in the user's quote currency (price, value, priceAt, priceSource, stale; totalValue, unpriced)")
                    .produces("application/json")
                    .responseMessage().code(200).message("Holdings; amounts, prices and values are exact decimal strings").endResponseMessage()
                    .to("direct:holdings-list");
        rest("/api/v1/holdings.csv").description("Portfolio holdings as CSV")
                .get().id("rest-holdings-csv").description("One row per asset and connection: amount, price, value, where the price came from")
                    .produces("text/csv")
                    .to("direct:holdings-csv");

        from("direct:holdings-list").routeId("holdings-list").routeConfigurationId(RestErrorPolicy.ID)
                .process(e -> e.getMessage().setBody(ApiReply.ok(holdings.portfolio(CurrentUser.id(e)))))
                .bean(writer, "writeReply");
        from("direct:holdings-csv").routeId("holdings-csv").routeConfigurationId(RestErrorPolicy.ID)
                .process(e -> HoldingsCsv.of(holdings.portfolio(CurrentUser.id(e))).writeTo(e, "holdings.csv"));
    }
}
