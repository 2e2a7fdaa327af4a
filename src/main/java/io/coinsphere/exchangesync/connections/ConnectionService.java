package io.coinsphere.exchangesync.connections;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.holdings.HoldingsQuery;
import io.coinsphere.exchangesync.sync.SyncRunQuery;
import io.coinsphere.exchangesync.web.ApiException;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonBodies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The connections flow's logic behind the REST verbs. */
@Component
public class ConnectionService {

    private static final int RECENT_RUNS = 20;

    private final ConnectionRepository connections;
    private final HoldingsQuery holdings;
    private final SyncRunQuery runs;
    private final JsonBodies bodies;

    public ConnectionService(ConnectionRepository connections, HoldingsQuery holdings, SyncRunQuery runs, JsonBodies bodies) {
        this.connections = connections;
        this.holdings = holdings;
        this.runs = runs;
        this.bodies = bodies;
    }

    public ApiReply list(Exchange exchange) {
        return ApiReply.ok(Map.of("connections", connections.list(CurrentUser.id(exchange))));
    }

    public ApiReply get(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        UUID id = JsonBodies.pathId(exchange);
        ConnectionView view = connections.find(userId, id).orElseThrow(() -> ApiException.notFound("Connection"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connection", view);
        body.put("holdings", holdings.forConnection(id));
        body.put("syncRuns", runs.recent(id, RECENT_RUNS));
        return ApiReply.ok(body);
    }

    public ApiReply update(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        UUID id = JsonBodies.pathId(exchange);
        ConnectionSettings settings = bodies.read(exchange, ConnectionSettings.class);
        if (!connections.updateSettings(userId, id, settings.label() == null ? null : settings.label().strip(),
                settings.autoSync(), settings.syncInterval())) {
            throw ApiException.notFound("Connection");
        }
        return ApiReply.ok(connections.find(userId, id).orElseThrow(() -> ApiException.notFound("Connection")));
    }

    public ApiReply delete(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        UUID id = JsonBodies.pathId(exchange);
        if (!connections.delete(userId, id, eraseHistory(exchange.getMessage().getHeader("eraseHistory", String.class)))) {
            throw ApiException.notFound("Connection");
        }
        return ApiReply.ok(Map.of("success", true, "message", "Exchange disconnected"));
    }

    /** {@code ?eraseHistory=true} also erases the connection's past from the portfolio history; absent: it is kept. */
    static boolean eraseHistory(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.validation("eraseHistory", "must be true or false");
    }
}
