package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.vault.CredentialVault;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Times the credential decryptions of a sync (key, secret and passphrase where there is one) with our
 * vault and with the seed's PBKDF2 scheme, in this JVM. The seed costs ~0.1 s per derivation, so it is
 * timed on a few syncs and the per-sync figure is what is compared.
 */
final class CryptoComparison {

    /** Milliseconds per sync of each scheme, and how many syncs each was timed on. */
    record Result(double oursMsPerSync, int oursSyncs, double seedMsPerSync, int seedSyncs) {
        double ratio() {
            return seedMsPerSync / oursMsPerSync;
        }
    }

    private CryptoComparison() {
    }

    static Result run(CredentialVault vault, List<Map<String, Object>> rows, int syncs, int seedSyncs)
            throws GeneralSecurityException {
        // Warm-up: the cycles already ran the vault, this only makes the two timings start alike.
        decryptAll(vault, rows, rows.size());
        long start = cpuNanos();
        long checksum = decryptAll(vault, rows, syncs);
        double ours = (cpuNanos() - start) / 1e6 / syncs;

        SeedScheme seed = new SeedScheme(UUID.randomUUID().toString().toCharArray());
        List<List<byte[]>> seedRows = new ArrayList<>();
        for (int i = 0; i < seedSyncs; i++) {
            Map<String, Object> row = rows.get(i % rows.size());
            List<byte[]> envelopes = new ArrayList<>();
            for (String plaintext : plaintexts(vault, row)) {
                envelopes.add(seed.encrypt(plaintext));
            }
            seedRows.add(envelopes);
        }
        start = cpuNanos();
        for (List<byte[]> envelopes : seedRows) {
            for (byte[] envelope : envelopes) {
                checksum += seed.decrypt(envelope).length();
            }
        }
        double seedMs = (cpuNanos() - start) / 1e6 / seedSyncs;
        if (checksum == 42) {
            System.out.println(); // keeps the decryptions from being optimised away
        }
        return new Result(ours, syncs, seedMs, seedSyncs);
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long decryptAll(CredentialVault vault, List<Map<String, Object>> rows, int syncs) {
        long checksum = 0;
        for (int i = 0; i < syncs; i++) {
            for (String plaintext : plaintexts(vault, rows.get(i % rows.size()))) {
                checksum += plaintext.length();
            }
        }
        return checksum;
    }

    private static List<String> plaintexts(CredentialVault vault, Map<String, Object> row) {
        UUID id = (UUID) row.get("id");
        List<String> values = new ArrayList<>(3);
        values.add(vault.decrypt(id, "api_key_encrypted", (String) row.get("api_key_encrypted")));
        values.add(vault.decrypt(id, "api_secret_encrypted", (String) row.get("api_secret_encrypted")));
        if (row.get("passphrase_encrypted") != null) {
            values.add(vault.decrypt(id, "passphrase_encrypted", (String) row.get("passphrase_encrypted")));
        }
        return values;
    }
}
