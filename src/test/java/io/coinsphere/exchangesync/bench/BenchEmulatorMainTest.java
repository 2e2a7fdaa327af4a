package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchEmulatorMainTest {

    private static long changed(int accounts, int percent, int round) {
        return IntStream.range(0, accounts).filter(i -> BenchEmulatorMain.changes(i, percent, round)).count();
    }

    @Test
    void eachRoundChangesTheAskedShareOfTheAccounts() {
        assertThat(changed(10_000, 10, 1)).isEqualTo(1_000);
        assertThat(changed(10_000, 100, 2)).isEqualTo(10_000);
        assertThat(changed(10_000, 0, 3)).isZero();
    }

    @Test
    void aNewRoundTakesAnotherSliceSoEveryAccountChangesSooner() {
        long both = IntStream.range(0, 1_000)
                .filter(i -> BenchEmulatorMain.changes(i, 10, 1) && BenchEmulatorMain.changes(i, 10, 2)).count();
        assertThat(both).isZero();
        long within = IntStream.range(0, 1_000)
                .filter(i -> IntStream.rangeClosed(1, 100).anyMatch(r -> BenchEmulatorMain.changes(i, 10, r))).count();
        assertThat(within).as("every account within 100 rounds").isEqualTo(1_000);
    }
}
