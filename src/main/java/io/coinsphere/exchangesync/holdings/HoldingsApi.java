package io.coinsphere.exchangesync.holdings;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.web.ApiReply;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/holdings} and {@code /holdings.csv}: the signed-in user's valued portfolio; routes/holdings-api.camel.yaml. */
@Component
public class HoldingsApi {

    private final ValuedHoldings holdings;

    public HoldingsApi(ValuedHoldings holdings) {
        this.holdings = holdings;
    }

    public ApiReply list(Exchange exchange) {
        return ApiReply.ok(holdings.portfolio(CurrentUser.id(exchange)));
    }

    public void csv(Exchange exchange) {
        HoldingsCsv.of(holdings.portfolio(CurrentUser.id(exchange))).writeTo(exchange, "holdings.csv");
    }
}
