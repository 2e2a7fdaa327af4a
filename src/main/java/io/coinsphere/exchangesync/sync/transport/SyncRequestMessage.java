package io.coinsphere.exchangesync.sync.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * A record on {@code exchange-sync-requests} or {@code exchange-sync-scheduled}:
 * {@code {"connectionId":"<uuid>","trigger":"manual"}}, or {@code {"userId":"<uuid>","trigger":"manual"}}
 * for all of a user's connections. Scheduled records also carry {@code claimedAt}.
 */
public record SyncRequestMessage(UUID connectionId, UUID userId, String trigger, OffsetDateTime claimedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRIGGERS = Set.of("manual", "scheduled", "api");

    /** A record that can never be processed; goes to the dead-letter topic with this reason. */
    public static class Malformed extends RuntimeException {
        public Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    public static SyncRequestMessage parse(byte[] value) {
        JsonNode node;
        try {
            node = value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            throw new Malformed("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Malformed("not a JSON object");
        }
        UUID connectionId = uuid(node, "connectionId");
        UUID userId = uuid(node, "userId");
        if ((connectionId == null) == (userId == null)) {
            throw new Malformed("exactly one of connectionId and userId is required");
        }
        String trigger = node.hasNonNull("trigger") ? node.get("trigger").asText() : "api";
        if (!TRIGGERS.contains(trigger)) {
            throw new Malformed("trigger must be manual, scheduled or api");
        }
        OffsetDateTime claimedAt = null;
        if (node.hasNonNull("claimedAt")) {
            try {
                claimedAt = OffsetDateTime.parse(node.get("claimedAt").asText());
            } catch (DateTimeParseException e) {
                throw new Malformed("claimedAt is not an ISO-8601 timestamp");
            }
        }
        return new SyncRequestMessage(connectionId, userId, trigger, claimedAt);
    }

    public static String forConnection(UUID connectionId, String trigger, OffsetDateTime claimedAt) {
        return "{\"connectionId\":\"" + connectionId + "\",\"trigger\":\"" + trigger + "\""
                + (claimedAt == null ? "" : ",\"claimedAt\":\"" + claimedAt + "\"") + "}";
    }

    private static UUID uuid(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            String text = node.get(field).asText();
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed(field + " is not a UUID");
        }
    }
}
