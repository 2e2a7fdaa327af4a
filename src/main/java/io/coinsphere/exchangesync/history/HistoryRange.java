package io.coinsphere.exchangesync.history;

import io.coinsphere.exchangesync.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ranges {@code GET /api/v1/portfolio/history} offers and the resolution each is drawn at: fine enough for a chart,
 * never finer than what the compacted history still holds at that age (hourly after 7 days, daily after 90).
 */
public enum HistoryRange {
    H24("24h", Duration.ofHours(24), Duration.ofMinutes(5)),
    D7("7d", Duration.ofDays(7), Duration.ofHours(1)),
    D30("30d", Duration.ofDays(30), Duration.ofHours(6)),
    Y1("1y", Duration.ofDays(365), Duration.ofDays(1)),
    ALL("all", null, Duration.ofDays(1));

    /** At most this many points for "all": beyond, the step grows by whole days. */
    static final int MAX_POINTS = 731;

    private final String id;
    private final Duration span;
    private final Duration step;

    HistoryRange(String id, Duration span, Duration step) {
        this.id = id;
        this.span = span;
        this.step = step;
    }

    public String id() {
        return id;
    }

    public static HistoryRange of(String value) {
        String wanted = value == null || value.isBlank() ? "24h" : value.strip();
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.validation("range", "must be one of 24h, 7d, 30d, 1y, all"));
    }

    /** Where the range starts; "all" starts at the first snapshot ({@code first}, or now when there is none). */
    public Instant start(Instant now, Instant first) {
        return span != null ? now.minus(span) : first == null || first.isAfter(now) ? now : first;
    }

    /** The step between points for a range starting at {@code start}. */
    public Duration step(Instant start, Instant now) {
        if (span != null) {
            return step;
        }
        long days = Math.max(1, Duration.between(start, now).toDays() / MAX_POINTS + 1);
        return Duration.ofDays(days);
    }

    /** Points from start (aligned down to the step) to now, with now itself as the last point. */
    public List<Instant> grid(Instant start, Instant now) {
        Duration step = step(start, now);
        long stepMillis = step.toMillis();
        long first = Math.floorDiv(start.toEpochMilli(), stepMillis) * stepMillis;
        List<Instant> grid = new ArrayList<>();
        for (long t = first; t < now.toEpochMilli(); t += stepMillis) {
            if (t >= start.toEpochMilli()) {
                grid.add(Instant.ofEpochMilli(t));
            }
        }
        grid.add(now);
        return grid;
    }
}
