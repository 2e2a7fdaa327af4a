package io.coinsphere.exchangesync.sync;

import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** The parameters of {@code sql/sync-lease.sql}, set as headers when a sync attempt starts. */
@Component
public class SyncStart implements Processor {

    static final String LEASE_SECONDS = "leaseSeconds";
    static final String LEASE_OWNER = "leaseOwner";
    static final String SYNCED_BEFORE = "syncedBefore";

    private final LeaseHandback leases;
    private final long leaseSeconds;

    public SyncStart(LeaseHandback leases, SyncProperties properties) {
        this.leases = leases;
        this.leaseSeconds = properties.lease().toSeconds();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(SyncHeaders.STARTED_AT, OffsetDateTime.now());
        message.setHeader(LEASE_SECONDS, leaseSeconds);
        // One sync's own name: its retries take the lease again, any other sync of the connection is refused.
        message.setHeader(LEASE_OWNER, leases.owner() + "/" + exchange.getExchangeId());
        // A redelivered scheduled record whose connection synced after the claim is a duplicate.
        Object claimedAt = message.getHeader(SyncHeaders.CLAIMED_AT);
        message.setHeader(SYNCED_BEFORE, claimedAt == null ? "infinity" : claimedAt);
        // camel-sql would convert any other body to a Map and miss (see docs/benchmarks.md, "camel-sql parameters"):
        // the parameters are headers; the row replaces the body.
        message.setBody(Map.of());
    }
}
