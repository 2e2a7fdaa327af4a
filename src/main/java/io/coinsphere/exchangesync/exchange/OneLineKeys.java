package io.coinsphere.exchangesync.exchange;

import java.util.regex.Pattern;

/** The key shape of the exchanges that issue one-line tokens (base64, hex, UUIDs): see {@link ExchangeAdapter#checkFormat}. */
final class OneLineKeys {

    /** Visible ASCII, nothing else: a space or line break inside a token is a paste error. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    private OneLineKeys() {
    }

    static ApiCredentials check(ApiCredentials credentials) {
        String secret = credentials.apiSecret();
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
            throw new KeyFormatRejected("apiSecret", "must not contain control characters");
        }
        if (!TOKEN.matcher(secret.strip()).matches()) {
            throw new KeyFormatRejected("apiSecret", "must be printable ASCII");
        }
        return new ApiCredentials(credentials.apiKey().strip(), secret.strip(), credentials.passphrase());
    }
}
