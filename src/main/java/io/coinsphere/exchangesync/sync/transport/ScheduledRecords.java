package io.coinsphere.exchangesync.sync.transport;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * One fan-out batch as Kafka records: the producer endpoint sends a list body as one batch of records,
 * each keyed by its connection id, instead of one acknowledged round trip per connection.
 */
public final class ScheduledRecords {

    private ScheduledRecords() {
    }

    /** Body: the claimed connection ids; headers: the trigger and the claim time of the batch. */
    public static List<Message> of(List<?> ids, Exchange exchange) {
        String trigger = exchange.getMessage().getHeader(SyncHeaders.TRIGGER, "scheduled", String.class);
        Object claimed = exchange.getMessage().getHeader(SyncHeaders.CLAIMED_AT);
        OffsetDateTime claimedAt = claimed == null ? null : OffsetDateTime.parse(claimed.toString());
        List<Message> records = new ArrayList<>(ids.size());
        for (Object id : ids) {
            UUID connectionId = id instanceof UUID u ? u : UUID.fromString(id.toString());
            Message record = new DefaultMessage(exchange.getContext());
            record.setHeader(KafkaConstants.KEY, connectionId.toString());
            record.setBody(SyncRequestMessage.forConnection(connectionId, trigger, claimedAt));
            records.add(record);
        }
        return records;
    }
}
