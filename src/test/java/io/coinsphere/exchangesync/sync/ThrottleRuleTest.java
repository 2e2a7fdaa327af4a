package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThrottleRuleTest {

    private final ThrottleRule rule = new ThrottleRule(4, 32, 0.85);

    @Test
    void aSaturatedMachineCutsTheLimitByAFifthDownToTheMinimum() {
        assertThat(rule.next(32, 0.99, true)).isEqualTo(25);
        assertThat(rule.next(25, 0.90, false)).isEqualTo(20);
        assertThat(rule.next(5, 1.0, true)).isEqualTo(4);
        assertThat(rule.next(4, 1.0, true)).isEqualTo(4);
    }

    @Test
    void idleCoresWithSyncsWaitingRaiseItByAnEighthAtLeastOneUpToTheMaximum() {
        assertThat(rule.next(4, 0.50, true)).isEqualTo(5);
        assertThat(rule.next(16, 0.50, true)).isEqualTo(18);
        assertThat(rule.next(31, 0.10, true)).isEqualTo(32);
        assertThat(rule.next(32, 0.10, true)).isEqualTo(32);
    }

    @Test
    void withoutABacklogOrAReadingTheLimitStays() {
        assertThat(rule.next(10, 0.20, false)).isEqualTo(10);
        assertThat(rule.next(10, -1, true)).isEqualTo(10);
        assertThat(rule.next(10, 0.85, true)).isEqualTo(11);
    }

    @Test
    void aTargetOfOneKeepsEveryWorkerWhateverTheLoad() {
        ThrottleRule off = new ThrottleRule(4, 32, 1.0);
        assertThat(off.next(32, 1.0, true)).isEqualTo(32);
        assertThat(off.next(8, 0.5, false)).isEqualTo(32);
    }

    @Test
    void startsAtTheMaximumSoAnIoBoundPipelineNeverWaitsForIt() {
        assertThat(rule.initial()).isEqualTo(32);
    }

    @Test
    void refusesABoundsPairThatCannotHold() {
        assertThatThrownBy(() -> new ThrottleRule(0, 8, 0.85)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleRule(9, 8, 0.85)).isInstanceOf(IllegalArgumentException.class);
    }
}
