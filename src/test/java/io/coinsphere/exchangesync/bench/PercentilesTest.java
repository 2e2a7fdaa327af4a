package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRank() {
        Percentiles p = new Percentiles(List.of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6));
        assertThat(p.at(50)).isEqualTo(5);
        assertThat(p.at(95)).isEqualTo(10);
        assertThat(p.at(10)).isEqualTo(1);
        assertThat(p.at(0)).isEqualTo(1);
        assertThat(p.at(100)).isEqualTo(10);
        assertThat(p.count()).isEqualTo(10);
    }

    @Test
    void medianOfThreeAndNothingToMeasure() {
        assertThat(Percentiles.median(List.of(300.0, 100.0, 200.0))).isEqualTo(200.0);
        assertThat(new Percentiles(List.of()).at(99)).isNaN();
    }
}
