package io.coinsphere.exchangesync.prices;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/** Reading the exchanges' price strings: a price that is missing, not a number or not positive is no price. */
final class Prices {

    private Prices() {
    }

    static BigDecimal parse(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(node.asText().trim());
            return value.signum() > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String symbol(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
