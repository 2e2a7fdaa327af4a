package io.coinsphere.exchangesync.exchange;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one fetch read from an account. {@code keptWallets} were not read this time (a secondary
 * wallet failed, or is refreshed less often): the holdings keep their previous amounts there.
 * {@code warnings} are user-facing sentences for a partial sync; never secrets.
 */
public record AccountSnapshot(List<Balance> balances, Set<Wallet> keptWallets, List<String> warnings) {

    public AccountSnapshot {
        balances = List.copyOf(balances);
        keptWallets = keptWallets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(keptWallets));
        warnings = List.copyOf(warnings);
    }

    /** Every wallet was read. */
    public static AccountSnapshot complete(List<Balance> balances) {
        return new AccountSnapshot(balances, Set.of(), List.of());
    }

    public boolean isPartial() {
        return !warnings.isEmpty();
    }
}
