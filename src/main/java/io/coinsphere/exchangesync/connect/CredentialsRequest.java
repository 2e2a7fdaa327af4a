package io.coinsphere.exchangesync.connect;

import io.coinsphere.exchangesync.web.MultiLineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code /test}, {@code /connect} and {@code PUT .../credentials}. Exchange and label
 * are ignored where they do not apply. Keys and secrets are printable ASCII (base64, hex, UUIDs, a CDP
 * key name); anything else is a paste error and would not fit in an HTTP header anyway. The secret may
 * also hold spaces and line breaks, because a Coinbase CDP private key is a PEM block; each exchange's
 * adapter then checks its own secrets' shape ({@code ExchangeAdapter#checkFormat}), so a one-line secret
 * with a line break is still refused.
 * SECURITY: {@link #toString()} hides the secret parts, and no message here quotes the value.
 */
public record CredentialsRequest(
        @Size(max = 32, message = "must be at most 32 characters") String exchange,
        @NotBlank(message = "is required") @Size(max = 512, message = "must be at most 512 characters")
        @Pattern(regexp = PRINTABLE_ASCII, message = "must be printable ASCII") String apiKey,
        @NotBlank(message = "is required") @Size(max = 512, message = "must be at most 512 characters")
        @Pattern(regexp = PRINTABLE_ASCII_LINES, message = "must be printable ASCII") @MultiLineText String apiSecret,
        @Size(max = 512, message = "must be at most 512 characters") String passphrase,
        @Size(max = 100, message = "must be at most 100 characters") String label) {

    /** Visible ASCII, with whitespace only around it (stripped before use). */
    static final String PRINTABLE_ASCII = "\\s*[\\x21-\\x7E]*\\s*";
    /** Lines of printable ASCII: a PEM block (a P-256 key is about 230 characters, well under 512). */
    static final String PRINTABLE_ASCII_LINES = "[\\x20-\\x7E\\r\\n]*";

    @Override
    public String toString() {
        return "CredentialsRequest[exchange=" + exchange + ", label=" + label + "]";
    }
}
