package io.coinsphere.exchangesync.admin;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.vault.CredentialReEncryption;
import io.coinsphere.exchangesync.web.ApiReply;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The vault's admin answers: key ids in use and a re-encryption run. Never key material or ciphertext. */
@Component
public class VaultAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(VaultAdmin.class);

    private final CredentialReEncryption reEncryption;

    public VaultAdmin(CredentialReEncryption reEncryption) {
        this.reEncryption = reEncryption;
    }

    /** {@code GET /api/v1/admin/vault/keys}. */
    public ApiReply keys(Exchange exchange) {
        // The role is checked by the security filter chain; this makes the route refuse an unauthenticated call too.
        CurrentUser.id(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keys", reEncryption.usage());
        body.put("remaining", reEncryption.remaining());
        return ApiReply.ok(body);
    }

    /** {@code POST /api/v1/admin/vault/re-encrypt}: runs to the end, then answers with the counts. */
    public ApiReply reEncrypt(Exchange exchange) {
        // An audit line: who started a run that rewrites every credential.
        LOG.info("Re-encryption of stored credentials requested by user {}", CurrentUser.id(exchange));
        CredentialReEncryption.Result result = reEncryption.reEncryptAll();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        // False while some row is still under an older key (undecryptable, or changed under an old configuration).
        body.put("complete", result.remaining() == 0);
        body.put("currentKeyId", result.currentKeyId());
        body.put("scanned", result.scanned());
        body.put("reEncrypted", result.reEncrypted());
        body.put("changedConcurrently", result.changedConcurrently());
        body.put("failed", result.failed());
        body.put("failedConnections", result.failedConnections());
        body.put("duplicateKeys", result.duplicateKeys());
        body.put("remaining", result.remaining());
        return ApiReply.ok(body);
    }
}
