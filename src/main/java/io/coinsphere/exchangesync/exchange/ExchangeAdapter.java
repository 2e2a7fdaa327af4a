package io.coinsphere.exchangesync.exchange;

import java.util.List;

/**
 * Reads the balances of one account on one exchange. Implementations are thread-safe and throw
 * only {@link ExchangeFailure} subclasses, whose messages are safe to show to users.
 */
public interface ExchangeAdapter {

    ExchangeId exchange();

    /**
     * Checks the shape of a key before any call and returns it as the exchange needs it (surrounding
     * whitespace from a copy-paste removed). Most exchanges issue one-line tokens: a secret with a line
     * break or an inner space is a paste error. Exchanges whose keys look different override this.
     *
     * @throws KeyFormatRejected naming the field and what a key of this exchange looks like
     */
    default ApiCredentials checkFormat(ApiCredentials credentials) {
        return OneLineKeys.check(credentials);
    }

    /**
     * Reads every wallet of the account. The main wallet failing fails the fetch; a secondary one
     * (funding, earn) failing makes it partial: its previous amounts are kept and a warning is given.
     */
    AccountSnapshot fetch(ApiCredentials credentials);

    /** Fetches all non-zero balances, merged per asset. */
    default List<Balance> fetchBalances(ApiCredentials credentials) {
        return fetch(credentials).balances();
    }

    /** Checks that the exchange accepts the credentials for reading balances. */
    default void testCredentials(ApiCredentials credentials) {
        fetch(credentials);
    }

    /** What the key may do; exchanges without a permission endpoint answer "not verified". */
    default KeyPermissions checkPermissions(ApiCredentials credentials) {
        return KeyPermissions.unverified(exchange());
    }
}
