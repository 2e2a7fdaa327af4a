package io.coinsphere.exchangesync.exchange.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Gemini's balance answers. {@code POST /v1/balances}: {@code [{"type":"exchange","currency":"BTC","amount":"1.5",
 * "available":"1.2","availableForWithdrawal":"1.2"}]}: amount is the total, the rest of it (open orders) locked.
 * {@code POST /v1/balances/staking}: {@code [{"type":"Staking","currency":"ETH","balance":"2",...}]}: all staked.
 */
final class GeminiBalances {

    private GeminiBalances() {
    }

    static void readExchange(JsonNode body, BalanceSheet sheet) {
        for (JsonNode entry : list(body)) {
            String currency = currency(entry);
            if (currency.isEmpty()) {
                continue;
            }
            BigDecimal total = amount(entry.path("amount"));
            BigDecimal available = amount(entry.path("available")).min(total);
            sheet.add(Wallet.SPOT, currency, total, available, JsonAmounts.difference(total, available));
        }
    }

    static void readStaking(JsonNode body, BalanceSheet sheet) {
        for (JsonNode entry : list(body)) {
            String currency = currency(entry);
            if (!currency.isEmpty()) {
                sheet.addLocked(Wallet.STAKED, currency, amount(entry.path("balance")));
            }
        }
    }

    private static JsonNode list(JsonNode body) {
        if (!body.isArray()) {
            throw new ExchangeUnavailable("Gemini sent a balance list we could not read; the sync will retry later.");
        }
        return body;
    }

    private static String currency(JsonNode entry) {
        String currency = entry.path("currency").asText("").strip().toUpperCase(Locale.ROOT);
        return currency.isEmpty() ? currency : UnknownAssets.check(ExchangeId.GEMINI, currency);
    }

    private static BigDecimal amount(JsonNode value) {
        return JsonAmounts.nonNegative(ExchangeId.GEMINI, value);
    }
}
