package io.coinsphere.exchangesync.history;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.Csv;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/portfolio/history} and its CSV twin {@code /history.csv}; routes/history.camel.yaml. */
@Component
public class HistoryApi {

    private final PortfolioHistory history;

    public HistoryApi(PortfolioHistory history) {
        this.history = history;
    }

    public ApiReply json(Exchange exchange) {
        return ApiReply.ok(read(exchange).toJson());
    }

    public void csv(Exchange exchange) {
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
