package io.coinsphere.exchangesync.sync.transport;

import io.coinsphere.exchangesync.web.ApiException;

/** What a REST caller is told when the transport cannot take its sync request. */
public final class TransportErrors {

    private TransportErrors() {
    }

    /** The broker did not acknowledge the request: 503, and the client may try again. */
    public static void queueUnavailable() {
        throw new ApiException(503, "queue_unavailable", "The sync queue is not available right now; please try again in a minute");
    }
}
