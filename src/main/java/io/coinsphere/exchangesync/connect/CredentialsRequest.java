package io.coinsphere.exchangesync.connect;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code /test}, {@code /connect} and {@code PUT .../credentials}. Exchange and label
 * are ignored where they do not apply. SECURITY: {@link #toString()} hides the secret parts.
 */
public record CredentialsRequest(
        @Size(max = 32, message = "must be at most 32 characters") String exchange,
        @NotBlank(message = "is required") @Size(max = 512, message = "must be at most 512 characters") String apiKey,
        @NotBlank(message = "is required") @Size(max = 512, message = "must be at most 512 characters") String apiSecret,
        @Size(max = 512, message = "must be at most 512 characters") String passphrase,
        @Size(max = 100, message = "must be at most 100 characters") String label) {

    @Override
    public String toString() {
        return "CredentialsRequest[exchange=" + exchange + ", label=" + label + "]";
    }
}
