package io.coinsphere.exchangesync.holdings;

import io.coinsphere.exchangesync.config.SqlFiles;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records a successful sync and writes its balances into holdings in one statement (one transaction without a
 * BEGIN/COMMIT round trip): mark the connection synced and record the run (which also locks the connection row),
 * then, when the balances differ from the last ones written, create unknown tokens and upsert and prune holdings.
 * The same statement records a snapshot for the portfolio's history when the holdings changed or the heartbeat
 * ({@code coinsphere.history.heartbeat}) is up.
 */
@Component
public class HoldingsRoutes extends RouteBuilder {

    static final String SYNCED = "coinsphereSynced";

    /** PostgreSQL interval text, e.g. {@code 3600 seconds}. */
    private final String heartbeat;

    public HoldingsRoutes(@Value("${coinsphere.history.heartbeat:1h}") Duration heartbeat) {
        this.heartbeat = heartbeat.toSeconds() + " seconds";
    }

    @Override
    public void configure() {
        // No error policy of its own: a failure rolls the statement back and goes up to the sync route, whose
        // policy retries it.
        from("direct:holdings-upsert").routeId("holdings-upsert")
                .setBody(method(HoldingsParams.class, "of"))
                .process(e -> putHeartbeat(e.getMessage().getBody(Map.class)))
                // The parameters stay the body (the sync event is built from them); the count goes to a header.
                .to(SqlFiles.endpoint("holdings-upsert.sql", "outputType=SelectOne&outputHeader=" + SYNCED))
                .filter(header(SYNCED).isEqualTo(0))
                    // The UPDATE found no row: nothing was written.
                    .log("Connection ${header.connectionId} was disconnected during its sync; nothing written")
                    .stop()
                .end()
                .removeHeader(SYNCED);
        // The "Sync finished" line (with duration) is written by the sync route's SyncMetrics after commit.
    }

    @SuppressWarnings("unchecked")
    private void putHeartbeat(Map<?, ?> params) {
        ((Map<String, Object>) params).put("heartbeat", heartbeat);
    }
}
