package io.coinsphere.exchangesync.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hourly pair list: read once an hour, kept through a failed read, and the tickers matched against it. */
class PairNamesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Map<String, PairNames.Pair> LISTED = Map.of("BTCUSD", new PairNames.Pair("BTC", "USD"),
            "ETHBTC", new PairNames.Pair("ETH", "BTC"));

    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean failing;
    private final PairNames names = PairNames.hourly(() -> {
        reads.incrementAndGet();
        if (failing) {
            throw new ExchangeUnavailable("pair list unavailable");
        }
        return LISTED;
    });

    @Test
    void readsTheListOnceAnHour() {
        assertThat(names.get(T0)).isEqualTo(LISTED);
        assertThat(names.get(T0.plus(Duration.ofMinutes(59)))).isEqualTo(LISTED);
        assertThat(reads).as("read once within the hour").hasValue(1);

        names.get(T0.plus(Duration.ofMinutes(61)));
        assertThat(reads).as("read again once older than an hour").hasValue(2);
    }

    @Test
    void aFailedReadKeepsTheLastListAndTriesAgainNextTime() {
        names.get(T0);
        failing = true;
        assertThat(names.get(T0.plus(Duration.ofHours(2)))).isEqualTo(LISTED);
        names.get(T0.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(reads).as("the stale list is not taken for a fresh one").hasValue(3);
    }

    @Test
    void withoutAnyListAFailedReadFails() {
        failing = true;
        assertThatThrownBy(() -> names.get(T0)).isInstanceOf(ExchangeUnavailable.class);
    }

    @Test
    void pricesTheListedPairsOfATickerCallAndLeavesTheRestOut() throws Exception {
        JsonNode tickers = new ObjectMapper().readTree("""
                [{"pair": "btcusd", "price": "60000.5"},
                 {"pair": "ETHBTC", "price": "0.05"},
                 {"pair": "DOGEUSD", "price": "0.1"},
                 {"pair": "BTCUSD", "price": "0"},
                 {"pair": "ETHBTC"}]
                """);
        Instant at = T0.plusSeconds(5);

        List<MarketPrice> prices = PairNames.priced(LISTED, tickers, "pair", "price", ExchangeId.GEMINI, at);

        assertThat(prices).containsExactly(new MarketPrice("BTC", "USD", new BigDecimal("60000.5"), "gemini", at),
                new MarketPrice("ETH", "BTC", new BigDecimal("0.05"), "gemini", at));
    }
}
