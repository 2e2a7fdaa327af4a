package io.coinsphere.exchangesync.exchange.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import java.math.BigDecimal;

/** Amounts in exchange answers, read exactly (never through a double); an unreadable one fails the fetch for a retry. */
public final class JsonAmounts {

    private JsonAmounts() {
    }

    /** A balance given as a number or a string: missing or null is zero, a negative one is unreadable. */
    public static BigDecimal nonNegative(ExchangeId id, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
            if (amount.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw unreadable(id);
        }
    }

    /** A field that the exchange sends as a string, "" (or absent) for none. */
    public static BigDecimal text(ExchangeId id, JsonNode row, String field) {
        String text = row.path(field).asText("");
        if (text.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw unreadable(id);
        }
    }

    /** {@code a - b} without the trailing zeros a subtraction of two 18-digit amounts leaves (never in E notation). */
    public static BigDecimal difference(BigDecimal a, BigDecimal b) {
        BigDecimal result = a.subtract(b).stripTrailingZeros();
        return result.scale() < 0 ? result.setScale(0) : result;
    }

    private static ExchangeUnavailable unreadable(ExchangeId id) {
        return new ExchangeUnavailable(id.displayName() + " sent an amount we could not read; the sync will retry later.");
    }
}
