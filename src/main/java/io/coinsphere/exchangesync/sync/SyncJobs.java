package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.vault.CredentialVault;
import io.coinsphere.exchangesync.vault.VaultException;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Turns the leased connection row into a {@link SyncJob}, decrypting its credentials. */
@Component
public class SyncJobs {

    private final CredentialVault vault;

    public SyncJobs(CredentialVault vault) {
        this.vault = vault;
    }

    public SyncJob open(Map<String, Object> row, Exchange exchange) {
        UUID id = (UUID) row.get("id");
        ExchangeId exchangeId = ExchangeId.fromId((String) row.get("exchange"))
                .orElseThrow(() -> new VaultException("The connection names an exchange this version does not support"));
        exchange.getMessage().setHeader(SyncHeaders.EXCHANGE, exchangeId.id());
        exchange.getMessage().setHeader(SyncHeaders.USER_ID, row.get("user_id"));
        String passphrase = (String) row.get("passphrase_encrypted");
        ApiCredentials credentials = new ApiCredentials(
                vault.decrypt(id, "api_key_encrypted", (String) row.get("api_key_encrypted")),
                vault.decrypt(id, "api_secret_encrypted", (String) row.get("api_secret_encrypted")),
                passphrase == null ? null : vault.decrypt(id, "passphrase_encrypted", passphrase));
        return new SyncJob(id, (UUID) row.get("user_id"), (UUID) row.get("portfolio_id"), exchangeId, credentials);
    }
}
