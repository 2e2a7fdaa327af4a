package io.coinsphere.exchangesync.sync.trigger;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.sync.SyncProperties;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The headers and counters of one fan-out round (fanout.camel.yaml). */
@Component
public class FanoutRound {

    /** Names this instance in fanout_ticks: host and process id. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final long intervalMillis;
    private final int batchSize;
    private final long requestGraceSeconds;

    public FanoutRound(SyncProperties properties) {
        this.intervalMillis = properties.fanoutInterval().toMillis();
        this.batchSize = properties.fanoutBatchSize();
        // A requested sync not started after two ticks was lost with its queue (see fanout-claim.sql).
        this.requestGraceSeconds = 2 * Math.max(1, properties.fanoutInterval().toSeconds());
    }

    /** The parameters of fanout-tick.sql: this interval's slot, which one instance of the cluster runs. */
    public void tick(Exchange exchange) {
        exchange.getMessage().setHeader("slot", System.currentTimeMillis() / intervalMillis);
        exchange.getMessage().setHeader("instance", INSTANCE);
    }

    /** The parameters of fanout-claim.sql, and the round's count of claimed connections. */
    public void start(Exchange exchange) {
        exchange.getMessage().setHeader("batchSize", batchSize);
        exchange.getMessage().setHeader("requestGraceSeconds", requestGraceSeconds);
        exchange.getMessage().setHeader(SyncHeaders.TRIGGER, "scheduled");
        exchange.setProperty("claimed", 0);
        exchange.setProperty("more", true);
    }

    /** After a claim: counts its rows; a short batch was the last one due. */
    public void claimed(Exchange exchange) {
        int rows = exchange.getMessage().getBody(List.class).size();
        exchange.setProperty("claimed", exchange.getProperty("claimed", 0, Integer.class) + rows);
        exchange.setProperty("more", rows >= batchSize);
    }
}
