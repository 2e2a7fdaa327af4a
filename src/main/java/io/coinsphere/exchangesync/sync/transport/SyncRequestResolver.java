package io.coinsphere.exchangesync.sync.transport;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Turns a consumed sync request into headers for the worker, or rejects it for the dead-letter topic. */
@Component
public class SyncRequestResolver {

    private final NamedParameterJdbcTemplate jdbc;

    public SyncRequestResolver(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Parses the record into headers; {@code userId} requests become the list of that user's connections. */
    public List<UUID> resolve(Exchange exchange) {
        exchange.getMessage().setHeader("expand", false);
        SyncRequestMessage request = SyncRequestMessage.parse(exchange.getMessage().getBody(byte[].class));
        exchange.getMessage().setHeader(SyncHeaders.TRIGGER, request.trigger());
        if (request.claimedAt() != null) {
            exchange.getMessage().setHeader(SyncHeaders.CLAIMED_AT, request.claimedAt().toString());
        }
        if (request.userId() != null) {
            List<UUID> ids = jdbc.queryForList("SELECT id FROM exchange_connections WHERE user_id = :userId ORDER BY created_at",
                    Map.of("userId", request.userId()), UUID.class);
            if (ids.isEmpty()) {
                throw new SyncRequestMessage.Malformed("user " + request.userId() + " has no connections");
            }
            exchange.getMessage().setHeader("expand", true);
            return ids;
        }
        // A fan-out claim names a connection that existed when it was claimed; one deleted since is skipped
        // by the lease. Only requests from outside are checked here (one query per sync saved at scale).
        if (request.claimedAt() == null) {
            Integer known = jdbc.queryForObject("SELECT count(*) FROM exchange_connections WHERE id = :id",
                    Map.of("id", request.connectionId()), Integer.class);
            if (known == null || known == 0) {
                throw new SyncRequestMessage.Malformed("unknown connection " + request.connectionId());
            }
        }
        exchange.getMessage().setHeader(SyncHeaders.CONNECTION_ID, request.connectionId());
        return List.of(request.connectionId());
    }

    /** The JSON value of one connection's request, carrying the trigger and claim time along. */
    public static String message(Exchange exchange) {
        Object claimedAt = exchange.getMessage().getHeader(SyncHeaders.CLAIMED_AT);
        return SyncRequestMessage.forConnection(exchange.getMessage().getBody(UUID.class),
                exchange.getMessage().getHeader(SyncHeaders.TRIGGER, "manual", String.class),
                claimedAt == null ? null : java.time.OffsetDateTime.parse(claimedAt.toString()));
    }
}
