package io.coinsphere.exchangesync.sync.trigger;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.connections.ConnectionRepository;
import io.coinsphere.exchangesync.web.ApiException;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonBodies;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Resolves a REST sync command to the connection ids to queue, and answers it. */
@Component
public class SyncRequests {

    private final ConnectionRepository connections;

    public SyncRequests(ConnectionRepository connections) {
        this.connections = connections;
    }

    /** Exchange property: the connection's sync is running right now, so nothing is queued. */
    public static final String RUNNING = "syncAlreadyRunning";

    public List<UUID> one(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        UUID id = JsonBodies.pathId(exchange);
        boolean running = connections.syncingOf(userId, id).orElseThrow(() -> ApiException.notFound("Connection"));
        exchange.setProperty(RUNNING, running);
        if (!running) {
            connections.requestSync(userId, List.of(id));
        }
        return List.of(id);
    }

    /**
     * 202 as for a queued sync (the client's request will be served by the sync that runs), but saying so: a second
     * sync queued behind it would fetch the same balances again.
     */
    public ApiReply alreadyRunning() {
        return ApiReply.accepted(Map.of("success", true, "message", "Sync already running", "alreadyRunning", true));
    }

    public List<UUID> all(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        List<UUID> ids = connections.idsOf(userId);
        connections.requestSync(userId, ids);
        return ids;
    }

    public ApiReply queuedOne() {
        return ApiReply.accepted(Map.of("success", true, "message", "Sync queued"));
    }

    public ApiReply queuedAll(List<UUID> ids) {
        return ApiReply.accepted(Map.of("success", true, "message", "Sync queued for " + ids.size() + " connections",
                "queued", ids.size()));
    }
}
