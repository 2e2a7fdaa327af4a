package io.coinsphere.exchangesync.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.sync.FetchedBalances;
import io.coinsphere.exchangesync.sync.SyncAttempts;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class HoldingsParamsTest {

    private static Balance balance(String asset, String total, String available, String locked) {
        return new Balance(asset, new BigDecimal(total), new BigDecimal(available), new BigDecimal(locked));
    }

    @Test
    void mergesSortsAndDropsZerosIntoColumnArrays() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(SyncHeaders.TRIGGER, "manual");
        SyncAttempts.count(exchange);
        SyncAttempts.count(exchange);
        UUID connection = UUID.randomUUID();
        UUID portfolio = UUID.randomUUID();

        Map<String, Object> params = HoldingsParams.of(new FetchedBalances(connection, portfolio, List.of(
                balance("ETH", "1.5", "1", "0.5"),
                balance("BTC", "0.000000000000000001", "0.000000000000000001", "0"),
                balance("USDT", "0", "0", "0"),
                balance("ETH", "2", "2", "0"))), exchange);

        assertThat((String[]) params.get("symbols")).containsExactly("BTC", "ETH");
        assertThat((String[]) params.get("totals")).containsExactly("0.000000000000000001", "3.5");
        assertThat((String[]) params.get("available")).containsExactly("0.000000000000000001", "3");
        assertThat((String[]) params.get("locked")).containsExactly("0", "0.5");
        assertThat(params).containsEntry("assets", 2).containsEntry("attempts", 2).containsEntry("trigger", "manual")
                .containsEntry("connectionId", connection.toString()).containsEntry("portfolioId", portfolio.toString());
    }

    @Test
    void plainKeepsFullPrecisionWithoutTrailingZeros() {
        assertThat(HoldingsQuery.plain(new BigDecimal("1.500000000000000000"))).isEqualTo("1.5");
        assertThat(HoldingsQuery.plain(new BigDecimal("100.000000000000000000"))).isEqualTo("100");
        assertThat(HoldingsQuery.plain(new BigDecimal("0.000000000000000000"))).isEqualTo("0");
        assertThat(HoldingsQuery.plain(new BigDecimal("0.000000000000000001"))).isEqualTo("0.000000000000000001");
    }
}
