package io.coinsphere.exchangesync.history;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.Csv;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/portfolio/history} and its CSV twin {@code GET /api/v1/portfolio/history.csv}. */
@Component
public class HistoryRoutes extends RouteBuilder {

    private final PortfolioHistory history;
    private final JsonReplyWriter writer;

    public HistoryRoutes(PortfolioHistory history, JsonReplyWriter writer) {
        this.history = history;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/portfolio").description("The portfolio's value over time")
                .get("/history").id("rest-history-get")
                    .description("Value over the range in the user's quote currency (of one asset with ?asset=BTC)")
                    .produces("application/json")
                    .param().name("range").type(RestParamType.query).description("24h (5 min points), 7d (hourly), 30d (6 h), 1y or all (daily)").endParam()
                    .param().name("asset").type(RestParamType.query).description("Only this asset (its amount and value)").endParam()
                    .responseMessage().code(200).message("Points oldest first; values exact decimal strings").endResponseMessage()
                    .responseMessage().code(400).message("Unknown range or not an asset symbol").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:history-get")
                .get("/history.csv").id("rest-history-csv").description("The same points as CSV: time, value, quote, amount, unpriced")
                    .produces("text/csv")
                    .param().name("range").type(RestParamType.query).description("As for /history").endParam()
                    .param().name("asset").type(RestParamType.query).description("As for /history").endParam()
                    .to("direct:history-csv");

        from("direct:history-get").routeId("history-get").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(this, "json")).bean(writer, "writeReply");
        from("direct:history-csv").routeId("history-csv").routeConfigurationId(RestErrorPolicy.ID)
                .process(this::csv);
    }

    public ApiReply json(Exchange exchange) {
        return ApiReply.ok(read(exchange).toJson());
    }

    void csv(Exchange exchange) {
        PortfolioHistory.History h = read(exchange);
        Csv csv = new Csv().row("time", "value", "quote_currency", "asset", "amount", "unpriced_assets");
        for (HistorySeries.Point point : h.points()) {
            csv.row(point.at().toString(), point.value(), h.quoteCurrency(), h.asset(), point.amount(), point.unpriced());
        }
        csv.writeTo(exchange, "portfolio-history-" + h.range() + (h.asset() == null ? "" : "-" + h.asset()) + ".csv");
    }

    private PortfolioHistory.History read(Exchange exchange) {
        return history.history(CurrentUser.id(exchange), HistoryRange.of(exchange.getMessage().getHeader("range", String.class)),
                exchange.getMessage().getHeader("asset", String.class));
    }
}
