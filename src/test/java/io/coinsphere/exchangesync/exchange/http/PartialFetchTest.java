package io.coinsphere.exchangesync.exchange.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.Wallet;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PartialFetchTest {

    @Test
    void aSecondaryWalletThatFailsIsKeptWithAWarningAndTheRestCounts() {
        PartialFetch fetch = new PartialFetch(ExchangeId.OKX);
        fetch.sheet().add(Wallet.SPOT, "BTC", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);
        fetch.secondary(Wallet.FUNDING, "funding account", () -> {
            throw ExchangeUnavailable.outage("OKX is having problems (HTTP 503); the sync will retry later.", null);
        });
        fetch.secondary(Wallet.EARN, "Simple Earn", () -> fetch.sheet().addLocked(Wallet.EARN, "ETH", BigDecimal.TEN));

        AccountSnapshot snapshot = fetch.snapshot();
        assertThat(snapshot.keptWallets()).containsExactly(Wallet.FUNDING);
        assertThat(snapshot.warnings()).containsExactly("OKX funding account could not be read (OKX is having problems"
                + " (HTTP 503); the sync will retry later.); its previous amounts are kept.");
        assertThat(snapshot.balances()).extracting(b -> b.asset()).containsExactly("BTC", "ETH");
    }

    @Test
    void aMissingPermissionForASecondaryWalletIsKeptButARefusedKeyFailsTheFetch() {
        PartialFetch fetch = new PartialFetch(ExchangeId.BYBIT);
        fetch.secondary(Wallet.FUNDING, "funding account", () -> {
            throw new CredentialsRejected(Reason.MISSING_PERMISSION, "no funding read");
        });
        assertThat(fetch.snapshot().isPartial()).isTrue();

        assertThatThrownBy(() -> fetch.secondary(Wallet.EARN, "earn", () -> {
            throw new CredentialsRejected(Reason.BAD_SIGNATURE, "wrong secret");
        })).isInstanceOf(CredentialsRejected.class).hasMessage("wrong secret");
    }
}
