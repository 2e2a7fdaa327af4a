package io.coinsphere.exchangesync.sync.trigger;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** Turns the rows of one claim statement into the list of connection ids to sync. */
public final class FanoutClaims {

    private FanoutClaims() {
    }

    /** The claimed ids, in claim order; the database's claim time goes along as a header. */
    public static List<Object> ids(List<Map<String, Object>> rows, Exchange exchange) {
        if (!rows.isEmpty()) {
            Object claimedAt = rows.get(0).get("claimed_at");
            if (claimedAt != null) {
                exchange.getMessage().setHeader(SyncHeaders.CLAIMED_AT,
                        claimedAt instanceof java.sql.Timestamp ts ? ts.toInstant().atOffset(java.time.ZoneOffset.UTC).toString()
                                : claimedAt.toString());
            }
        }
        return rows.stream().map(r -> r.get("id")).toList();
    }

    /** The parameters that put a claimed batch back: its ids as a text array. */
    public static Map<String, Object> releaseParams(List<Object> ids) {
        return Map.of("ids", ids.stream().map(String::valueOf).toArray(String[]::new));
    }
}
