package io.coinsphere.exchangesync.sync.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueStatsTest {

    @Test
    void countsAreMergedPerExchangeAndTotalled() {
        QueueStats stats = QueueStats.of(Map.of("binance", 3L, "kraken", 1L), Map.of("binance", 2L),
                Map.of("kraken", 10L, "coinbase", 5L), Map.of("kraken", 1L), Duration.ofMillis(2500), 32);

        assertThat(stats.success()).isTrue();
        assertThat(stats.exchanges()).containsKeys("binance", "coinbase", "kraken", "kucoin");
        assertThat(stats.exchanges().get("binance")).isEqualTo(new QueueStats.Counts(3, 2, 0, 0));
        assertThat(stats.exchanges().get("kraken")).isEqualTo(new QueueStats.Counts(1, 0, 10, 1));
        assertThat(stats.exchanges().get("kucoin")).isEqualTo(new QueueStats.Counts(0, 0, 0, 0));
        assertThat(stats.total()).isEqualTo(new QueueStats.Counts(4, 2, 15, 1));
        assertThat(stats.oldestWaitingSeconds()).isEqualTo(2.5);
        assertThat(stats.workers()).isEqualTo(32);
    }

    @Test
    void unknownExchangesAreKeptAndAnEmptyQueueHasNoAge() {
        QueueStats stats = QueueStats.of(Map.of("deleted", 2L), Map.of(), Map.of(), Map.of(), Duration.ZERO, 1);
        assertThat(stats.exchanges().get("deleted").waiting()).isEqualTo(2);
        assertThat(stats.total().waiting()).isEqualTo(2);
        assertThat(stats.oldestWaitingSeconds()).isZero();
    }

    @Test
    void theKafkaBacklogIsSummedUnlessKafkaDidNotAnswer() {
        assertThat(QueueStats.KafkaBacklog.of(2, 5)).isEqualTo(new QueueStats.KafkaBacklog(7, 2, 5));
        assertThat(QueueStats.KafkaBacklog.of(-1, 5).waiting()).isEqualTo(-1);
        QueueStats stats = QueueStats.of(Map.of(), Map.of(), Map.of(), Map.of(), QueueStats.KafkaBacklog.of(0, 3),
                Duration.ZERO, 1);
        assertThat(stats.kafka().scheduled()).isEqualTo(3);
        assertThat(stats.total().waiting()).as("the local queue stays its own figure").isZero();
    }
}
