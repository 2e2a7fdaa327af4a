package io.coinsphere.exchangesync.exchange.http;

import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.Wallet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One fetch that reads a main wallet and secondary ones: the main wallet failing fails the fetch (the caller lets it
 * throw); a secondary one failing keeps its previous amounts and warns, unless the key itself is refused, which is
 * the user's to fix. A missing permission only for a secondary wallet is kept: the main balances still count.
 * Not thread-safe: one per fetch.
 */
public final class PartialFetch {

    private final ExchangeId id;
    private final BalanceSheet sheet = new BalanceSheet();
    private final Set<Wallet> kept = EnumSet.noneOf(Wallet.class);
    private final List<String> warnings = new ArrayList<>();

    public PartialFetch(ExchangeId id) {
        this.id = id;
    }

    public BalanceSheet sheet() {
        return sheet;
    }

    /** Runs {@code read} for the secondary {@code wallet}, named {@code what} in the warning ("funding account"). */
    public void secondary(Wallet wallet, String what, Runnable read) {
        try {
            read.run();
        } catch (ExchangeFailure e) {
            if (e instanceof CredentialsRejected rejected && rejected.reason() != CredentialsRejected.Reason.MISSING_PERMISSION) {
                throw e;
            }
            kept.add(wallet);
            warnings.add(id.displayName() + " " + what + " could not be read (" + e.getMessage() + "); its previous amounts are kept.");
        }
    }

    public AccountSnapshot snapshot() {
        return new AccountSnapshot(sheet.toList(), kept, warnings);
    }
}
