package io.coinsphere.exchangesync.exchange.bitstamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The answer of {@code POST /api/v2/account_balances/}: {@code [{"currency":"btc","total":"1.5","available":"1.2",
 * "reserved":"0.3"}, ...]}, one entry per currency of the account (zero ones included). Bitstamp has one wallet
 * per account, so every amount is spot; reserved (open orders, pending withdrawals) is the locked part.
 */
final class BitstampBalances {

    private BitstampBalances() {
    }

    static List<Balance> read(JsonNode body) {
        if (!body.isArray()) {
            throw new ExchangeUnavailable("Bitstamp sent a balance list we could not read; the sync will retry later.");
        }
        BalanceSheet sheet = new BalanceSheet();
        for (JsonNode entry : body) {
            String currency = entry.path("currency").asText("").strip().toUpperCase(Locale.ROOT);
            if (currency.isEmpty()) {
                continue;
            }
            BigDecimal available = amount(entry.path("available"));
            BigDecimal reserved = amount(entry.path("reserved"));
            // Total as Bitstamp states it; when absent it is the sum of its parts.
            BigDecimal total = entry.has("total") ? amount(entry.path("total")) : available.add(reserved);
            sheet.add(Wallet.SPOT, UnknownAssets.check(ExchangeId.BITSTAMP, currency), total, available, reserved);
        }
        return sheet.toList();
    }

    private static BigDecimal amount(JsonNode value) {
        return JsonAmounts.nonNegative(ExchangeId.BITSTAMP, value);
    }
}
