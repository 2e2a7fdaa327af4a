package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.Wallet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one exchange call returned for one connection; the credentials are gone by now.
 * {@code keptWallets} were not read (their stored amounts stay); {@code warnings} mark a partial sync.
 */
record FetchedBalances(UUID connectionId, UUID portfolioId, List<Balance> balances,
                              Set<Wallet> keptWallets, List<String> warnings) {

    public FetchedBalances(UUID connectionId, UUID portfolioId, List<Balance> balances) {
        this(connectionId, portfolioId, balances, Set.of(), List.of());
    }
}
