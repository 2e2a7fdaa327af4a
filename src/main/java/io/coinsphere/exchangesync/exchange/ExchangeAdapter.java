package io.coinsphere.exchangesync.exchange;

import java.util.List;

/**
 * Reads the balances of one account on one exchange. Implementations are thread-safe and throw
 * only {@link ExchangeFailure} subclasses, whose messages are safe to show to users.
 */
public interface ExchangeAdapter {

    ExchangeId exchange();

    /** Fetches all non-zero balances, merged per asset. */
    List<Balance> fetchBalances(ApiCredentials credentials);

    /** Checks that the exchange accepts the credentials for reading balances. */
    default void testCredentials(ApiCredentials credentials) {
        fetchBalances(credentials);
    }
}
