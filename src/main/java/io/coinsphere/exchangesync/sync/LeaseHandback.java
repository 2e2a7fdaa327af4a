package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.sync.SyncProperties;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sync leases of this instance. Leases are short ({@code coinsphere.sync.lease}, 30 s) and name their holder,
 * {@code <instance>/<boot>}: while a sync runs (retries included) the heartbeat renews its lease, so a lease only
 * expires when its instance died, and the fan-out then claims the connection again. At start, the instance hands
 * back the leases of its own earlier boot (a crash) at once, due now; at shutdown, those of syncs that did not
 * finish in time. Holdings need no cleanup: they are written in one transaction, complete or untouched.
 */
@Component
public class LeaseHandback implements SmartLifecycle {

    /** Below Camel's phase (Integer.MAX_VALUE - 2049): starts before the consumers, stops after Camel, before the datasource. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHandback.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final String instance;
    private final String owner;
    private final long leaseSeconds;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public LeaseHandback(NamedParameterJdbcTemplate jdbc, SyncProperties properties, Environment environment) {
        this.jdbc = jdbc;
        this.instance = instanceName(properties.instance(), environment.getProperty("server.port", "3001"));
        this.owner = instance + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.leaseSeconds = properties.lease().toSeconds();
    }

    /**
     * {@code coinsphere.sync.instance}, else host name and HTTP port: the same after a restart of this instance. A
     * random port ({@code 0}) names no instance that could restart: a random name, so that no other instance's
     * leases are taken for an earlier boot of this one.
     */
    static String instanceName(String configured, String port) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if ("0".equals(port.strip())) {
            port = "any-" + UUID.randomUUID().toString().substring(0, 8);
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + port;
    }

    /** This boot's name; the sync route writes it, followed by {@code /<exchange id>}, into {@code sync_lease_owner}. */
    public String owner() {
        return owner;
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

            @Override
            public void onFailure(Exchange failed) {
                // The failure could not be recorded (the database is away, or the route was stopping): the heartbeat
                // must not keep the lease alive. Handed back now if possible; else it expires within one lease.
                held.remove(id);
                try {
                    release(Set.of(id));
                } catch (RuntimeException e) {
                    LOG.debug("Lease of {} not handed back ({}); it expires after coinsphere.sync.lease", id, e.toString());
                }
            }
        });
    }

    /** Leases this instance holds right now. */
    public Set<UUID> held() {
        return Set.copyOf(held);
    }

    /** True while a sync of {@code connectionId} runs (on any instance): its lease is held and unexpired. */
    public boolean isRunning(UUID connectionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT sync_lease_until > now() FROM exchange_connections WHERE id = :id", Map.of("id", connectionId),
                Boolean.class));
    }

    /** The heartbeat: pushes out the leases of the syncs running here. Returns how many were renewed. */
    public int renew() {
        Set<UUID> ids = held();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("UPDATE exchange_connections SET sync_lease_until = now() + make_interval(secs => :seconds)"
                + " WHERE id = ANY(CAST(:ids AS uuid[])) AND starts_with(sync_lease_owner, CAST(:mine AS text))"
                + " AND sync_lease_until IS NOT NULL",
                new MapSqlParameterSource("ids", ids(ids)).addValue("mine", owner + "/").addValue("seconds", leaseSeconds));
    }

    /**
     * A sync that the database kept failing: its connection is made due again, and its lease (if this instance took
     * one before the database went away) handed back, so that the next fan-out syncs it. Not an 'error'.
     */
    public void handBack(Exchange exchange) {
        UUID id = UUID.fromString(String.valueOf(exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID)));
        held.remove(id);
        jdbc.update("""
                UPDATE exchange_connections
                SET next_sync_at = LEAST(next_sync_at, now()),
                    sync_lease_until = CASE WHEN starts_with(sync_lease_owner, CAST(:mine AS text)) THEN NULL
                                            ELSE sync_lease_until END
                WHERE id = :id""", new MapSqlParameterSource("id", id).addValue("mine", owner + "/"));
    }

    /** Releases the given leases (unless another holder took them since); returns how many rows still had one. */
    int release(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        // Due now: the claim that started the sync had moved the connection an interval ahead.
        return jdbc.update("UPDATE exchange_connections SET sync_lease_until = NULL, next_sync_at = LEAST(next_sync_at, now())"
                + " WHERE id = ANY(CAST(:ids AS uuid[])) AND sync_lease_until IS NOT NULL"
                + " AND (starts_with(sync_lease_owner, CAST(:mine AS text)) OR sync_lease_owner IS NULL)",
                new MapSqlParameterSource("ids", ids(ids)).addValue("mine", owner + "/"));
    }

    /**
     * Leases of this instance's earlier boots: a crash left them. They are handed back and their connections made
     * due, so that the first fan-out tick syncs them again (their claim had moved them an interval ahead).
     */
    int releaseEarlierBoots() {
        List<UUID> ids = jdbc.queryForList("""
                UPDATE exchange_connections
                SET sync_lease_until = NULL, sync_lease_owner = NULL, next_sync_at = LEAST(next_sync_at, now())
                WHERE sync_lease_until IS NOT NULL AND starts_with(sync_lease_owner, CAST(:prefix AS text))
                  AND NOT starts_with(sync_lease_owner, CAST(:mine AS text))
                RETURNING id""", new MapSqlParameterSource("prefix", instance + "/").addValue("mine", owner + "/"), UUID.class);
        if (!ids.isEmpty()) {
            LOG.warn("Start-up: handed back {} sync lease(s) that this instance ({}) held when it last stopped without"
                    + " finishing them; they are due now", ids.size(), instance);
        }
        return ids.size();
    }

    private static String[] ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    @Override
    public void start() {
        running = true;
        try {
            releaseEarlierBoots();
        } catch (RuntimeException e) {
            LOG.warn("Start-up: could not check for leases left by an earlier run ({}); they expire after coinsphere.sync.lease",
                    e.toString());
        }
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
