package io.coinsphere.exchangesync.vault;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation for stored credentials: which master key each row is under, and re-encryption of every row
 * with the current key (and its fingerprint re-keyed), so that old keys can be removed from configuration.
 *
 * <p>Runs while the service serves traffic. Rows are read in batches without locks and written back in one short
 * transaction per batch, each row only if its ciphertexts are still the ones read ({@code WHERE ... = :old}), so a credential
 * replaced meanwhile (PUT credentials, always written with the current key) is never overwritten, and a sync
 * reading the row sees either the old or the new envelopes, both of which decrypt.
 */
@Component
public class CredentialReEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialReEncryption.class);
    static final String MALFORMED = "(malformed)";
    private static final int MAX_LISTED_FAILURES = 100;

    private static final String NOT_CURRENT = """
            (split_part(api_key_encrypted, ':', 2) NOT IN (:current)
             OR split_part(api_secret_encrypted, ':', 2) NOT IN (:current)
             OR (passphrase_encrypted IS NOT NULL AND split_part(passphrase_encrypted, ':', 2) NOT IN (:current)))""";

    private final NamedParameterJdbcTemplate jdbc;
    private final AesGcmCredentialVault vault;
    private final TransactionTemplate tx;
    private final int batchSize;

    public CredentialReEncryption(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
            AesGcmCredentialVault vault, VaultProperties properties) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.vault = vault;
        this.batchSize = properties.reEncryptBatchSize();
    }

    /** Stored credentials of one key id; {@code configured=false} means they cannot be decrypted by this instance. */
    public record KeyUsage(String keyId, boolean current, boolean configured, long connections, long credentials) {
    }

    /** What a re-encryption run did. {@code remaining}: rows still not under the current key afterwards. */
    public record Result(String currentKeyId, int scanned, int reEncrypted, int changedConcurrently, int failed,
            List<UUID> failedConnections, int duplicateKeys, long remaining) {
    }

    /** Rows and credentials per key id, as written in the envelopes (no key material, no ciphertext). */
    public List<KeyUsage> usage() {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("""
                SELECT split_part(c, ':', 2) AS key_id, count(DISTINCT id) AS connections, count(*) AS credentials FROM (
                    SELECT id, api_key_encrypted AS c FROM exchange_connections
                    UNION ALL SELECT id, api_secret_encrypted FROM exchange_connections
                    UNION ALL SELECT id, passphrase_encrypted FROM exchange_connections WHERE passphrase_encrypted IS NOT NULL
                ) credentials GROUP BY 1""", rs -> {
            String id = rs.getString("key_id");
            // SECURITY: only well-formed ids are echoed; anything else in the column is reported as malformed.
            String keyId = AesGcmCredentialVault.isValidKeyId(id) ? id : MALFORMED;
            long[] sum = counts.computeIfAbsent(keyId, k -> new long[2]);
            sum[0] += rs.getLong("connections");
            sum[1] += rs.getLong("credentials");
        });
        List<KeyUsage> usage = new ArrayList<>();
        counts.forEach((id, sum) -> usage.add(new KeyUsage(id, vault.currentKeyIds().contains(id), vault.knowsKeyId(id),
                sum[0], sum[1])));
        if (counts.keySet().stream().noneMatch(vault.currentKeyIds()::contains)) {
            usage.add(0, new KeyUsage(vault.currentKeyId(), true, true, 0, 0));
        }
        return usage;
    }

    /**
     * Re-encrypts every row not under the current key, one pass in id order, one short transaction per batch.
     * Undecryptable rows are reported and left as they are.
     */
    public Result reEncryptAll() {
        Tally tally = new Tally();
        UUID after = null;
        while (true) {
            List<Map<String, Object>> batch = jdbc.queryForList("""
                    SELECT id, exchange, api_key_encrypted, api_secret_encrypted, passphrase_encrypted
                    FROM exchange_connections
                    WHERE (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid)) AND """ + NOT_CURRENT + """

                    ORDER BY id LIMIT :limit""",
                    new MapSqlParameterSource().addValue("after", after, Types.OTHER).addValue("current", vault.currentKeyIds())
                            .addValue("limit", batchSize));
            List<MapSqlParameterSource> updates = new ArrayList<>();
            for (Map<String, Object> row : batch) {
                tally.scanned++;
                after = (UUID) row.get("id");
                MapSqlParameterSource update = prepare(row);
                if (update == null) {
                    tally.failed(after);
                } else {
                    updates.add(update);
                }
            }
            write(updates, tally);
            if (batch.size() < batchSize) {
                break;
            }
        }
        long remaining = remaining();
        LOG.info("Re-encryption with key '{}': {} rows scanned, {} re-encrypted, {} changed concurrently, {} failed,"
                + " {} still under other keys", vault.currentKeyId(), tally.scanned, tally.reEncrypted, tally.changed,
                tally.failedCount, remaining);
        return new Result(vault.currentKeyId(), tally.scanned, tally.reEncrypted, tally.changed, tally.failedCount,
                List.copyOf(tally.failed), tally.duplicates, remaining);
    }

    /** Counts of one run. */
    private static final class Tally {
        int scanned;
        int reEncrypted;
        int changed;
        int duplicates;
        int failedCount;
        final List<UUID> failed = new ArrayList<>();

        void failed(UUID id) {
            failedCount++;
            if (failed.size() < MAX_LISTED_FAILURES) {
                failed.add(id);
            }
        }
    }

    /** Rows with at least one credential not under the current key. */
    public long remaining() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM exchange_connections WHERE " + NOT_CURRENT,
                Map.of("current", vault.currentKeyIds()), Long.class);
        return count == null ? 0 : count;
    }

    private static final String WHERE_UNCHANGED = """
            WHERE id = :id AND api_key_encrypted = :oldKey AND api_secret_encrypted = :oldSecret
              AND passphrase_encrypted IS NOT DISTINCT FROM CAST(:oldPassphrase AS text)""";
    private static final String UPDATE = """
            UPDATE exchange_connections SET api_key_encrypted = :apiKey, api_secret_encrypted = :apiSecret,
                passphrase_encrypted = :passphrase, api_key_fingerprint = :fingerprint
            """ + WHERE_UNCHANGED;
    private static final String UPDATE_KEEPING_FINGERPRINT = """
            UPDATE exchange_connections SET api_key_encrypted = :apiKey, api_secret_encrypted = :apiSecret,
                passphrase_encrypted = :passphrase
            """ + WHERE_UNCHANGED;

    /** The row's new envelopes and fingerprint, or null when it cannot be decrypted. */
    private MapSqlParameterSource prepare(Map<String, Object> row) {
        UUID id = (UUID) row.get("id");
        String oldKey = (String) row.get("api_key_encrypted");
        String oldSecret = (String) row.get("api_secret_encrypted");
        String oldPassphrase = (String) row.get("passphrase_encrypted");
        try {
            String apiKey = vault.decrypt(id, "api_key_encrypted", oldKey);
            String secret = vault.decrypt(id, "api_secret_encrypted", oldSecret);
            String passphrase = oldPassphrase == null ? null : vault.decrypt(id, "passphrase_encrypted", oldPassphrase);
            return new MapSqlParameterSource("id", id)
                    .addValue("oldKey", oldKey).addValue("oldSecret", oldSecret)
                    .addValue("oldPassphrase", oldPassphrase, Types.VARCHAR)
                    .addValue("apiKey", vault.encrypt(id, "api_key_encrypted", apiKey))
                    .addValue("apiSecret", vault.encrypt(id, "api_secret_encrypted", secret))
                    .addValue("passphrase", passphrase == null ? null : vault.encrypt(id, "passphrase_encrypted", passphrase),
                            Types.VARCHAR)
                    // The same input as the connect flow's duplicate check: "<exchange>:<api key>".
                    .addValue("fingerprint", vault.fingerprint(row.get("exchange") + ":" + apiKey));
        } catch (VaultException e) {
            // SECURITY: our own message names the failure only; the row is left as it is.
            LOG.warn("Connection {} cannot be re-encrypted: {}", id, e.getMessage());
            return null;
        }
    }

    /**
     * Writes a batch in one transaction. A row whose ciphertexts changed since they were read (its credentials
     * were replaced, or it was deleted) matches nothing and is counted, not overwritten.
     */
    private void write(List<MapSqlParameterSource> updates, Tally tally) {
        if (updates.isEmpty()) {
            return;
        }
        try {
            int[] rows = tx.execute(status -> jdbc.batchUpdate(UPDATE, updates.toArray(MapSqlParameterSource[]::new)));
            for (int count : rows) {
                if (count == 1) {
                    tally.reEncrypted++;
                } else {
                    tally.changed++;
                }
            }
        } catch (DuplicateKeyException e) {
            // The batch was rolled back: write its rows one by one to find the duplicate.
            updates.forEach(update -> writeOne(update, tally));
        }
    }

    private void writeOne(MapSqlParameterSource update, Tally tally) {
        try {
            if (jdbc.update(UPDATE, update) == 1) {
                tally.reEncrypted++;
            } else {
                tally.changed++;
            }
        } catch (DuplicateKeyException e) {
            // The user connected the same key twice while the keys were mixed (possible only before the duplicate
            // check compared fingerprints under every key): keep that row's old fingerprint, still re-encrypt it.
            if (jdbc.update(UPDATE_KEEPING_FINGERPRINT, update) == 1) {
                tally.reEncrypted++;
                tally.duplicates++;
            } else {
                tally.changed++;
            }
        }
    }
}
