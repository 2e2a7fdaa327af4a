package io.coinsphere.exchangesync.ops;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands back the leases of syncs that did not finish before shutdown. The sync route registers each lease it
 * takes; the exchange's completion (success or a recorded failure, which release the lease in SQL) removes it.
 * Whatever is left once Camel has stopped (its shutdown timeout ran out) is released here, so another instance
 * or the next start syncs those connections at once instead of after the lease expires. Holdings need no
 * cleanup: they are written in one transaction, so they are either complete or untouched.
 */
@Component
public class LeaseHandback implements SmartLifecycle {

    /** Below Camel's phase (Integer.MAX_VALUE - 2049): stops after Camel, before the datasource is closed. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHandback.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public LeaseHandback(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called by the sync route right after it took the lease of the exchange's connection. */
    public void taken(Exchange exchange) {
        UUID id = UUID.fromString(String.valueOf(exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID)));
        held.add(id);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                // Success or a failure the dead-letter route recorded: either SQL released the lease.
                held.remove(id);
            }
            // onFailure keeps it: the failure could not be recorded (e.g. the dead-letter route was already
            // stopped), so the lease is still held and is handed back at shutdown.
        });
    }

    /** Leases this instance holds right now. */
    public Set<UUID> held() {
        return Set.copyOf(held);
    }

    /** Releases the given leases; returns how many rows still had one. */
    int release(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("UPDATE exchange_connections SET sync_lease_until = NULL"
                + " WHERE id = ANY(CAST(:ids AS uuid[])) AND sync_lease_until IS NOT NULL",
                Map.of("ids", ids.stream().map(UUID::toString).toArray(String[]::new)));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Set<UUID> left = held();
        if (left.isEmpty()) {
            return;
        }
        try {
            int released = release(left);
            LOG.warn("Shutdown: {} sync(s) did not finish in time; handed back {} lease(s) for the next run", left.size(), released);
        } catch (RuntimeException e) {
            LOG.warn("Shutdown: could not hand back {} lease(s); they expire after coinsphere.sync.lease: {}", left.size(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
