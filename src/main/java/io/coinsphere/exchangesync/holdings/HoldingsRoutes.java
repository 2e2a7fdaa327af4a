package io.coinsphere.exchangesync.holdings;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Writes fetched balances into holdings in one transaction per connection: lock the connection,
 * create unknown tokens, upsert and prune its holdings, mark it synced and record the run.
 */
@Component
public class HoldingsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // No error policy of its own: a failure rolls the whole transaction back and goes up to
        // the sync route, whose policy retries the upsert in a fresh transaction.
        from("direct:holdings-upsert").routeId("holdings-upsert")
                .transacted()
                .setBody(method(HoldingsParams.class, "of"))
                .to("sql:classpath:sql/holdings-lock-connection.sql?outputType=SelectOne&outputHeader=lockedConnection")
                .filter(header("lockedConnection").isNull())
                    .log("Connection ${header.connectionId} was disconnected during its sync; nothing written")
                    .stop()
                .end()
                .to("sql:classpath:sql/tokens-insert.sql?noop=true")
                .to("sql:classpath:sql/holdings-upsert.sql?noop=true")
                // The "Sync finished" line (with duration) is written by the sync route's SyncMetrics after commit.
                .to("sql:classpath:sql/sync-success.sql?noop=true");
    }
}
