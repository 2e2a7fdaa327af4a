package io.coinsphere.exchangesync.exchange.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonAmountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void balancesAreExactAndNeverNegative() throws Exception {
        JsonNode row = json("{\"s\":\" 1.000000000000000001 \",\"n\":null,\"neg\":\"-1\",\"bad\":\"1,5\"}");
        assertThat(JsonAmounts.nonNegative(ExchangeId.GEMINI, row.path("s"))).isEqualTo(new BigDecimal("1.000000000000000001"));
        assertThat(JsonAmounts.nonNegative(ExchangeId.GEMINI, row.path("n"))).isZero();
        assertThat(JsonAmounts.nonNegative(ExchangeId.GEMINI, row.path("missing"))).isZero();
        assertThat(catchThrowable(() -> JsonAmounts.nonNegative(ExchangeId.GEMINI, row.path("neg"))))
                .isInstanceOf(ExchangeUnavailable.class).hasMessage("Gemini sent an amount we could not read; the sync will retry later.");
        assertThat(catchThrowable(() -> JsonAmounts.nonNegative(ExchangeId.BITSTAMP, row.path("bad"))))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageStartingWith("Bitstamp");
    }

    @Test
    void textAmountsTreatBlankAsZero() throws Exception {
        JsonNode row = json("{\"a\":\"0.5\",\"b\":\"\",\"c\":\"x\"}");
        assertThat(JsonAmounts.text(ExchangeId.OKX, row, "a")).isEqualTo(new BigDecimal("0.5"));
        assertThat(JsonAmounts.text(ExchangeId.OKX, row, "b")).isZero();
        assertThat(JsonAmounts.text(ExchangeId.OKX, row, "none")).isZero();
        assertThat(catchThrowable(() -> JsonAmounts.text(ExchangeId.BYBIT, row, "c"))).hasMessageStartingWith("Bybit sent an amount");
    }

    @Test
    void differencesKeepNoTrailingZerosAndNoExponent() {
        assertThat(JsonAmounts.difference(new BigDecimal("1.250000000000000000"), new BigDecimal("1.0"))).hasToString("0.25");
        assertThat(JsonAmounts.difference(new BigDecimal("300.00"), new BigDecimal("100"))).hasToString("200");
    }
}
