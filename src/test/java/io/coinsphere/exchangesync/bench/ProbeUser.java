package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.vault.CredentialVault;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A user registered through the API with one connection per exchange, kept out of the scheduled
 * cycles: its page is what {@code GET /connections} loads, its connections are what manual syncs hit.
 */
record ProbeUser(ApiClient api, UUID userId, List<UUID> connectionIds) {

    static final int CONNECTIONS = 4;

    /** Registers the user and connects accounts {@code firstAccount .. firstAccount + 3}. */
    static ProbeUser create(int port, BenchData data, CredentialVault vault, BenchAccounts accounts, int firstAccount) {
        ApiClient api = ApiClient.newUser(port);
        String claims = new String(Base64.getUrlDecoder().decode(api.token().split("\\.")[1]));
        UUID userId = UUID.fromString(claims.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1"));
        List<UUID> ids = new ArrayList<>();
        for (int i = firstAccount; i < firstAccount + CONNECTIONS; i++) {
            BenchAccounts.Account a = accounts.account(i);
            UUID id = UUID.randomUUID();
            data.jdbc().update("""
                    INSERT INTO exchange_connections (id, user_id, portfolio_id, exchange, api_key_encrypted, api_secret_encrypted,
                        passphrase_encrypted, api_key_fingerprint, api_key_hint, sync_interval, next_sync_at)
                    SELECT ?, ?, p.id, ?, ?, ?, ?, ?, ?, ?, now() + interval '1 day'
                    FROM portfolios p WHERE p.user_id = ? AND p.is_default""",
                    id, userId, a.exchange().id(), vault.encrypt(id, "api_key_encrypted", a.apiKey()),
                    vault.encrypt(id, "api_secret_encrypted", a.apiSecret()),
                    a.passphrase() == null ? null : vault.encrypt(id, "passphrase_encrypted", a.passphrase()),
                    vault.fingerprint(a.apiKey()), a.apiKey().substring(a.apiKey().length() - 4), BenchData.INTERVAL_SECONDS, userId);
            ids.add(id);
        }
        return new ProbeUser(api, userId, List.copyOf(ids));
    }
}
