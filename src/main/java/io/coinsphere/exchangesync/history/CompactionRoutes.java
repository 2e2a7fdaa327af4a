package io.coinsphere.exchangesync.history;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Compacts the history every {@code coinsphere.history.compaction-interval}; tests call the worker directly. */
@Component
public class CompactionRoutes extends RouteBuilder {

    private final HistoryCompaction compaction;
    private final HistoryProperties properties;

    public CompactionRoutes(HistoryCompaction compaction, HistoryProperties properties) {
        this.compaction = compaction;
        this.properties = properties;
    }

    @Override
    public void configure() {
        // Every instance may run it: a second run finds nothing left to delete.
        from("timer:history-compaction?delay=60000&period=" + Math.max(1000, properties.compactionInterval().toMillis()))
                .routeId("history-compaction-timer").autoStartup(properties.compactionEnabled())
                .to("direct:history-compaction");

        from("direct:history-compaction").routeId("history-compaction")
                .setBody(method(compaction, "compact"))
                .log("History compacted: ${body}");
    }
}
