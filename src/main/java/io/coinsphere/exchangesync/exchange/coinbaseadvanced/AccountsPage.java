package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import java.math.BigDecimal;

/**
 * One page of {@code GET /api/v3/brokerage/accounts}: {@code {"accounts":[...],"has_next":true,"cursor":"..."}}.
 * Each account holds one currency: available = {@code available_balance.value}, locked = {@code hold.value},
 * total = both. Inactive accounts are left out; a vault's amount is all locked (a vault withdrawal waits
 * days), everything else is spot.
 */
record AccountsPage(boolean hasNext, String cursor) {

    static final String VAULT = "ACCOUNT_TYPE_VAULT";

    /** Adds the page's accounts to {@code sheet} and returns where the next page starts. */
    static AccountsPage read(JsonNode body, BalanceSheet sheet) {
        JsonNode accounts = body.path("accounts");
        if (!accounts.isArray()) {
            throw new ExchangeUnavailable("Coinbase sent an account list we could not read; the sync will retry later.");
        }
        for (JsonNode account : accounts) {
            if (account.path("active").isBoolean() && !account.path("active").booleanValue()) {
                continue;
            }
            String currency = account.path("currency").asText(null);
            BigDecimal available = amount(account.path("available_balance"));
            BigDecimal hold = amount(account.path("hold"));
            BigDecimal total = available.add(hold);
            String asset = UnknownAssets.check(ExchangeId.COINBASE_ADVANCED, currency);
            if (VAULT.equals(account.path("type").asText(""))) {
                sheet.addLocked(Wallet.SPOT, asset, total);
            } else {
                sheet.add(Wallet.SPOT, asset, total, available, hold);
            }
        }
        String cursor = body.path("cursor").asText("");
        return new AccountsPage(body.path("has_next").asBoolean(false), cursor);
    }

    /** {@code {"value":"1.5","currency":"BTC"}} as an exact decimal; a missing amount is zero. */
    private static BigDecimal amount(JsonNode money) {
        return JsonAmounts.nonNegative(ExchangeId.COINBASE_ADVANCED, money.path("value"));
    }
}
