package io.coinsphere.exchangesync.sync;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The parameters of {@code sql/holdings-upsert.sql}: the fetched balances, the run, and the history heartbeat. */
@Component
public class HoldingsUpsertParams {

    /** PostgreSQL interval text, e.g. {@code 3600 seconds}. */
    private final String heartbeat;

    public HoldingsUpsertParams(@Value("${coinsphere.history.heartbeat:1h}") Duration heartbeat) {
        this.heartbeat = heartbeat.toSeconds() + " seconds";
    }

    public Map<String, Object> of(FetchedBalances fetched, Exchange exchange) {
        Map<String, Object> params = HoldingsParams.of(fetched, exchange);
        params.put("heartbeat", heartbeat);
        return params;
    }
}
