package io.coinsphere.exchangesync.connect;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code /test}, {@code /connect} and {@code PUT .../credentials}. Exchange and label
 * are ignored where they do not apply. Keys and secrets of all four exchanges are printable ASCII
 * (base64, hex, UUIDs); anything else is a paste error and would not fit in an HTTP header anyway.
 * SECURITY: {@link #toString()} hides the secret parts, and no message here quotes the value.
 */
public record CredentialsRequest(
        @Size(max = 32, message = "must be at most 32 characters") String exchange,
        @NotBlank(message = "is required") @Size(max = 512, message = "must be at most 512 characters")
        @Pattern(regexp = PRINTABLE_ASCII, message = "must be printable ASCII") String apiKey,
        @NotBlank(message = "is required") @Size(max = 512, message = "must be at most 512 characters")
        @Pattern(regexp = PRINTABLE_ASCII, message = "must be printable ASCII") String apiSecret,
        @Size(max = 512, message = "must be at most 512 characters") String passphrase,
        @Size(max = 100, message = "must be at most 100 characters") String label) {

    /** Visible ASCII, with whitespace only around it (stripped before use). */
    static final String PRINTABLE_ASCII = "\\s*[\\x21-\\x7E]*\\s*";

    @Override
    public String toString() {
        return "CredentialsRequest[exchange=" + exchange + ", label=" + label + "]";
    }
}
