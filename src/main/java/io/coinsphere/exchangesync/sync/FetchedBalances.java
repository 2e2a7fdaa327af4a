package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.Balance;
import java.util.List;
import java.util.UUID;

/** What one exchange call returned for one connection; the credentials are gone by now. */
public record FetchedBalances(UUID connectionId, UUID portfolioId, List<Balance> balances) {
}
