package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BalanceSheetTest {

    @Test
    void mergesPerUpperCaseAssetExactlyAndDropsZeros() {
        var balances = new BalanceSheet()
                .add("btc", new BigDecimal("0.100000000000000001"), new BigDecimal("0.1"), new BigDecimal("0.000000000000000001"))
                .add("BTC", new BigDecimal("1"), new BigDecimal("1"), BigDecimal.ZERO)
                .add("ETH", new BigDecimal("0.000"), BigDecimal.ZERO, BigDecimal.ZERO)
                .add(" ", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO)
                .add("usdt", new BigDecimal("5"), null, null)
                .toList();

        assertThat(balances).containsExactly(
                new Balance("BTC", new BigDecimal("1.100000000000000001"), new BigDecimal("1.1"), new BigDecimal("0.000000000000000001")),
                new Balance("USDT", new BigDecimal("5"), BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
