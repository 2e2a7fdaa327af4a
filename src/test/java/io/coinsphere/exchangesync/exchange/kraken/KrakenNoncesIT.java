package io.coinsphere.exchangesync.exchange.kraken;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.NonceStoreCases;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Kraken nonces (milliseconds on our clock) from the {@code kraken_nonces} high-water mark. */
class KrakenNoncesIT extends NonceStoreCases {

    @Autowired
    private PlatformTransactionManager transactions;

    KrakenNoncesIT() {
        super(ExchangeId.KRAKEN, "kraken_nonces", JdbcKrakenNonces::fingerprint, "XXBT");
    }

    @Override
    protected NonceTaker store(LongSupplier clock) {
        return new JdbcKrakenNonces(jdbc, transactions, clock)::next;
    }

    @Override
    protected long now() {
        return System.currentTimeMillis();
    }
}
