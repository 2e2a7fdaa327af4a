package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ExchangeAdapters;
import org.springframework.stereotype.Component;

/** Calls the connection's exchange for its balances (the step that is redelivered on transient errors). */
@Component
public class BalanceFetcher {

    private final ExchangeAdapters adapters;

    public BalanceFetcher(ExchangeAdapters adapters) {
        this.adapters = adapters;
    }

    public FetchedBalances fetch(SyncJob job, org.apache.camel.Exchange exchange) {
        SyncAttempts.count(exchange);
        AccountSnapshot snapshot = adapters.forExchange(job.exchange()).fetch(job.credentials());
        return new FetchedBalances(job.connectionId(), job.portfolioId(), snapshot.balances(),
                snapshot.keptWallets(), snapshot.warnings());
    }
}
