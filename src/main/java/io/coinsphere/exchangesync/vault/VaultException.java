package io.coinsphere.exchangesync.vault;

/** A stored credential cannot be decrypted. The message never contains key material or plaintext. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message, null, false, false);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
