package io.coinsphere.exchangesync.exchange.kraken;

import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kraken nonces from a per-key high-water mark in PostgreSQL: {@code max(last + 1, now)}, taken in
 * its own short transaction (the row lock orders concurrent takers, on any instance). Each call takes
 * exactly one: reserved blocks would break the order across instances (a later block's nonce could
 * reach Kraken first), and the round trip is cheap next to Kraken's pacing (docs/benchmarks.md).
 * Package-private: the adapter depends on {@link KrakenNonces}; Spring builds this one.
 * The key is stored only as a SHA-256 digest.
 */
@Component
class JdbcKrakenNonces implements KrakenNonces {

    private static final String TAKE = """
            INSERT INTO kraken_nonces (api_key_fingerprint, last_nonce) VALUES (?, ?)
            ON CONFLICT (api_key_fingerprint)
            DO UPDATE SET last_nonce = GREATEST(kraken_nonces.last_nonce + 1, EXCLUDED.last_nonce)
            RETURNING last_nonce""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final LongSupplier clockMillis;

    @Autowired
    public JdbcKrakenNonces(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, System::currentTimeMillis);
    }

    JdbcKrakenNonces(JdbcTemplate jdbc, PlatformTransactionManager transactions, LongSupplier clockMillis) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Never part of a caller's transaction: the row lock must be released right after the take.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clockMillis = clockMillis;
    }

    @Override
    public long next(String apiKey) {
        Long nonce = ownTransaction.execute(status ->
                jdbc.queryForObject(TAKE, Long.class, fingerprint(apiKey), clockMillis.getAsLong()));
        if (nonce == null) {
            throw new IllegalStateException("no nonce returned");
        }
        return nonce;
    }

    static String fingerprint(String apiKey) {
        return HexFormat.of().formatHex(Hmac.sha256(Hmac.utf8("kraken:" + apiKey)));
    }
}
