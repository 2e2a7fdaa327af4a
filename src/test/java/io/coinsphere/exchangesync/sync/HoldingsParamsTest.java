package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.Wallet;
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

    private static Map<String, Object> params(UUID portfolio, List<Balance> balances, java.util.Set<Wallet> kept) {
        return HoldingsParams.of(new FetchedBalances(UUID.randomUUID(), portfolio, balances, kept, List.of()),
                new DefaultExchange(new DefaultCamelContext()));
    }

    @Test
    void theDigestIsEqualExactlyWhenTheRowsWouldBe() {
        UUID portfolio = UUID.randomUUID();
        List<Balance> balances = List.of(balance("ETH", "1.5", "1", "0.5"), balance("BTC", "2", "2", "0"));
        Object digest = params(portfolio, balances, java.util.Set.of()).get("digest");

        assertThat(digest).asString().hasSize(64);
        assertThat(params(portfolio, List.of(balances.get(1), balances.get(0)), java.util.Set.of()).get("digest"))
                .as("the same balances in another order").isEqualTo(digest);
        assertThat(params(portfolio, List.of(balance("ETH", "1.5", "1.5", "0"), balances.get(1)), java.util.Set.of())
                .get("digest")).as("available and locked moved").isNotEqualTo(digest);
        assertThat(params(UUID.randomUUID(), balances, java.util.Set.of()).get("digest")).as("another portfolio")
                .isNotEqualTo(digest);
        assertThat(params(portfolio, List.of(balances.get(0)), java.util.Set.of()).get("digest")).as("an asset sold")
                .isNotEqualTo(digest);
    }

    @Test
    void valuesCannotRunIntoEachOtherAcrossTheDigestsBoundaries() {
        UUID portfolio = UUID.randomUUID();
        assertThat(params(portfolio, List.of(balance("AB", "1", "1", "0"), balance("C", "1", "1", "0")), java.util.Set.of())
                .get("digest")).isNotEqualTo(params(portfolio,
                        List.of(balance("A", "1", "1", "0"), balance("BC", "1", "1", "0")), java.util.Set.of()).get("digest"));
    }

    @Test
    void keptWalletsLeaveNoDigestSoTheRowsAreAlwaysWritten() {
        Map<String, Object> params = params(UUID.randomUUID(), List.of(balance("BTC", "1", "1", "0")),
                java.util.Set.of(Wallet.EARN));
        assertThat(params).containsEntry("digest", null);
    }
}
