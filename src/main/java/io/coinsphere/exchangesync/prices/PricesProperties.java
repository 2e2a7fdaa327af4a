package io.coinsphere.exchangesync.prices;

import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Prices ({@code coinsphere.prices.*}): how often the exchanges' public tickers are read, when a price counts as
 * stale, which quote currencies a user may value the portfolio in, and through which assets cross rates go.
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.prices")
public record PricesProperties(
        /* false: no refresh at all (tests drive direct:prices-refresh themselves). */
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration refresh,
        @DefaultValue("10m") Duration staleAfter,
        /* Prices of the pairs that value holdings are kept in the history at most this often per pair. */
        @DefaultValue("5m") Duration historyInterval,
        @DefaultValue({"USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "TRY", "BRL"}) @NotEmpty List<String> quoteCurrencies,
        /* Cross rates go through these, in this order: ETH in EUR as ETH/USDT x USDT/USD x EUR/USD, never assuming 1. */
        @DefaultValue({"USD", "USDT", "USDC", "BTC", "EUR"}) @NotEmpty List<String> crossVia) {

    /** Quote currencies and cross assets together: every price that can be part of a valuation is quoted in one. */
    public Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>(quoteCurrencies);
        anchors.addAll(crossVia);
        return anchors;
    }
}
