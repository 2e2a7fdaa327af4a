package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchAccountsTest {

    private final BenchAccounts accounts = new BenchAccounts(7, 3);

    @Test
    void theBudgetPhaseHasAnAccountOnEveryExchangeASeedCanKey() {
        Set<ExchangeId> seen = EnumSet.noneOf(ExchangeId.class);
        try (ExchangeEmulator emulator = ExchangeEmulator.start()) {
            for (int i = BenchAccounts.BUDGET_BASE; i < BenchAccounts.BUDGET_BASE + 2 * BenchAccounts.BUDGET_EXCHANGES.size(); i++) {
                BenchAccounts.Account a = accounts.account(i);
                // The emulator refuses credentials that break the exchange's own format rules.
                emulator.addAccount(a.exchange(), a.apiKey(), a.apiSecret(), a.passphrase());
                seen.add(a.exchange());
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(BenchAccounts.BUDGET_EXCHANGES);
        assertThat(seen).hasSize(ExchangeId.values().length - 1).doesNotContain(ExchangeId.COINBASE_ADVANCED);
    }

    @Test
    void theCyclesKeepTheirMixAndBothJvmsDeriveTheSameKeys() {
        assertThat(accounts.account(5).exchange()).isEqualTo(BenchAccounts.EXCHANGES.get(1));
        assertThat(new BenchAccounts(7, 3).account(BenchAccounts.BUDGET_BASE + 4)).isEqualTo(accounts.account(BenchAccounts.BUDGET_BASE + 4));
    }
}
