package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.Wallet;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsPageTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void availablePlusHoldIsTheTotalInactiveAccountsAreLeftOutAndVaultsAreLocked() throws Exception {
        BalanceSheet sheet = new BalanceSheet();
        AccountsPage page = AccountsPage.read(json("""
                {"accounts":[
                  {"currency":"BTC","available_balance":{"value":"0.750000000000000001","currency":"BTC"},"hold":{"value":"0.25"},
                   "type":"ACCOUNT_TYPE_CRYPTO","active":true},
                  {"currency":"ETH","available_balance":{"value":"5"},"hold":{"value":"0"},"type":"ACCOUNT_TYPE_CRYPTO","active":false},
                  {"currency":"BTC","available_balance":{"value":"2"},"hold":{"value":"0"},"type":"ACCOUNT_TYPE_VAULT","active":true},
                  {"currency":"USD","available_balance":{"value":10.5},"type":"ACCOUNT_TYPE_FIAT"},
                  {"currency":"DOGE","available_balance":{"value":"0"},"hold":{"value":"0"},"active":true}
                ],"has_next":true,"cursor":"abc","size":5}
                """), sheet);

        assertThat(page).isEqualTo(new AccountsPage(true, "abc"));
        assertThat(sheet.toList()).containsExactly(
                new Balance("BTC", dec("3.000000000000000001"), dec("0.750000000000000001"), dec("2.25"),
                        Map.of(Wallet.SPOT, dec("3.000000000000000001"))),
                new Balance("USD", dec("10.5"), dec("10.5"), dec("0")));
    }

    @Test
    void theLastPageHasNoNext() throws Exception {
        assertThat(AccountsPage.read(json("{\"accounts\":[],\"has_next\":false,\"cursor\":\"\"}"), new BalanceSheet()).hasNext()).isFalse();
    }

    @Test
    void anUnreadableAnswerIsTransient() throws Exception {
        assertThatThrownBy(() -> AccountsPage.read(json("{\"data\":[]}"), new BalanceSheet())).isInstanceOf(ExchangeUnavailable.class);
        assertThatThrownBy(() -> AccountsPage.read(json("{\"accounts\":[{\"currency\":\"BTC\",\"available_balance\":{\"value\":\"1e\"}}]}"),
                new BalanceSheet())).isInstanceOf(ExchangeUnavailable.class);
        assertThatThrownBy(() -> AccountsPage.read(json("{\"accounts\":[{\"currency\":\"BTC\",\"available_balance\":{\"value\":\"-1\"}}]}"),
                new BalanceSheet())).isInstanceOf(ExchangeUnavailable.class);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
