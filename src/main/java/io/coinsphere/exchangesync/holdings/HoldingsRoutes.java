package io.coinsphere.exchangesync.holdings;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sql.SqlConstants;
import org.springframework.stereotype.Component;

/**
 * Writes fetched balances into holdings in one transaction per connection, in two statements: mark the
 * connection synced and record the run (which also locks the connection row), then create unknown tokens
 * and upsert and prune its holdings.
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
                // First, because its UPDATE locks the connection row: that serialises with a concurrent
                // disconnect, and no row means the connection is gone (a separate SELECT ... FOR UPDATE
                // did the same for one more round trip per sync).
                .to("sql:classpath:sql/sync-success.sql?noop=true")
                .filter(header(SqlConstants.SQL_UPDATE_COUNT).isEqualTo(0))
                    .log("Connection ${header.connectionId} was disconnected during its sync; nothing written")
                    .stop()
                .end()
                // The "Sync finished" line (with duration) is written by the sync route's SyncMetrics after commit.
                .to("sql:classpath:sql/holdings-upsert.sql?noop=true");
    }
}
