package io.coinsphere.exchangesync.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What one connection held from {@code takenAt} on (empty once it was disconnected). */
public record Snapshot(UUID connectionId, Instant takenAt, Map<String, BigDecimal> amounts) {
}
