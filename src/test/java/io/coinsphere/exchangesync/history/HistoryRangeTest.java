package io.coinsphere.exchangesync.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryRangeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:03:10Z");

    @Test
    void eachRangeHasAResolutionThatFits() {
        assertThat(grid("24h")).hasSize(289).first().isEqualTo(Instant.parse("2026-12-05T12:05:00Z"));
        assertThat(grid("7d")).hasSize(169);
        assertThat(grid("30d")).hasSize(121);
        assertThat(grid("1y")).hasSize(366);
        assertThat(grid("24h")).last().isEqualTo(NOW);
    }

    @Test
    void allStartsAtTheFirstSnapshotAndStaysUnderTheMaximumNumberOfPoints() {
        Instant tenYears = NOW.minus(Duration.ofDays(3650));
        List<Instant> grid = HistoryRange.ALL.grid(HistoryRange.ALL.start(NOW, tenYears), NOW);

        assertThat(grid.size()).isLessThanOrEqualTo(HistoryRange.MAX_POINTS + 1);
        assertThat(HistoryRange.ALL.step(tenYears, NOW)).isEqualTo(Duration.ofDays(5));
        assertThat(HistoryRange.ALL.grid(HistoryRange.ALL.start(NOW, null), NOW)).containsExactly(NOW);
    }

    @Test
    void anUnknownRangeIsAValidationError() {
        assertThat(HistoryRange.of(null)).isEqualTo(HistoryRange.H24);
        assertThatThrownBy(() -> HistoryRange.of("2w")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    private static List<Instant> grid(String id) {
        HistoryRange range = HistoryRange.of(id);
        return range.grid(range.start(NOW, null), NOW);
    }
}
