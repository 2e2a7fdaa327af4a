package io.coinsphere.exchangesync.exchange.gemini;

import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gemini nonces from a per-key high-water mark in PostgreSQL ({@code exchange_nonces}), taken as Kraken's are
 * (see JdbcKrakenNonces): {@code GREATEST(last + 1, now)} in its own short transaction, whose row lock orders
 * concurrent takers on any instance; the round trip is cheap next to Gemini's limit (docs/benchmarks.md).
 * Package-private: the adapter depends on {@link GeminiNonces}; Spring builds this one.
 * The key is stored only as a SHA-256 digest.
 */
@Component
class JdbcGeminiNonces implements GeminiNonces {

    private static final String TAKE = """
            INSERT INTO exchange_nonces (exchange, api_key_fingerprint, last_nonce) VALUES ('gemini', ?, ?)
            ON CONFLICT (exchange, api_key_fingerprint)
            DO UPDATE SET last_nonce = GREATEST(exchange_nonces.last_nonce + 1, EXCLUDED.last_nonce)
            RETURNING last_nonce""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcGeminiNonces(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Never part of a caller's transaction: the row lock must be released right after the take.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long next(String apiKey, long nowSeconds) {
        Long nonce = ownTransaction.execute(status -> jdbc.queryForObject(TAKE, Long.class, fingerprint(apiKey), nowSeconds));
        if (nonce == null) {
            throw new IllegalStateException("no nonce returned");
        }
        return nonce;
    }

    static String fingerprint(String apiKey) {
        return HexFormat.of().formatHex(Hmac.sha256(Hmac.utf8("gemini:" + apiKey)));
    }
}
