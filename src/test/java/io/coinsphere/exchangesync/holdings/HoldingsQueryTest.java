package io.coinsphere.exchangesync.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HoldingsQueryTest {

    @Test
    void plainKeepsFullPrecisionWithoutTrailingZeros() {
        assertThat(HoldingsQuery.plain(new BigDecimal("1.500000000000000000"))).isEqualTo("1.5");
        assertThat(HoldingsQuery.plain(new BigDecimal("100.000000000000000000"))).isEqualTo("100");
        assertThat(HoldingsQuery.plain(new BigDecimal("0.000000000000000000"))).isEqualTo("0");
        assertThat(HoldingsQuery.plain(new BigDecimal("0.000000000000000001"))).isEqualTo("0.000000000000000001");
    }
}
