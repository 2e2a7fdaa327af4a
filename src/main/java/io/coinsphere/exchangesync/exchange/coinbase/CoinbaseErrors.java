package io.coinsphere.exchangesync.exchange.coinbase;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_PASSPHRASE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.CLOCK_SKEW;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.IP_NOT_ALLOWED;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.MISSING_PERMISSION;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.UNKNOWN_KEY;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place Coinbase's errors become our failures. Coinbase has no error codes, only a
 * {@code {"message": ...}} text, so the texts it documents are matched case-insensitively.
 */
final class CoinbaseErrors {

    private static final ExchangeId COINBASE = ExchangeId.COINBASE;

    private CoinbaseErrors() {
    }

    /** An error answer of any status but 200: {@code {"message": ...}}, or a gateway's page. */
    static ExchangeFailure fromAnswer(int status, String body, Map<String, List<String>> headers) {
        return fromResponse(status, ExchangeHttp.objectOrEmpty(body).path("message").asText(""), headers, null);
    }

    /** Translates one error answer: the message text first, then the HTTP status. */
    static ExchangeFailure fromResponse(int status, String message, Map<String, List<String>> headers, Throwable cause) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (status == 429 || status >= 500) {
            return FailureTranslation.fromStatus(COINBASE, status, headers, cause);
        }
        if (text.contains("invalid api key")) {
            return new CredentialsRejected(UNKNOWN_KEY,
                    "Coinbase Exchange does not know this API key: check that the key exists and was copied completely.", cause);
        }
        if (text.contains("passphrase")) {
            return new CredentialsRejected(BAD_PASSPHRASE,
                    "Coinbase Exchange rejected the API passphrase: enter the passphrase chosen when the key was created.", cause);
        }
        if (text.contains("signature")) {
            return new CredentialsRejected(BAD_SIGNATURE,
                    "Coinbase Exchange says the request signature is wrong, so the API secret is wrong: paste the secret again.", cause);
        }
        if (text.contains("timestamp")) {
            return new CredentialsRejected(CLOCK_SKEW,
                    "Coinbase Exchange rejected the request time: this server's clock differs from Coinbase's; the clock must be synchronised.", cause);
        }
        if (text.contains("whitelist") || text.contains("allowlist") || text.contains("ip address")) {
            return new CredentialsRejected(IP_NOT_ALLOWED,
                    "Coinbase Exchange refused this server's IP address: add it to the key's allowed IP addresses.", cause);
        }
        if (status == 403 || text.contains("forbidden") || text.contains("permission")) {
            return new CredentialsRejected(MISSING_PERMISSION,
                    "Coinbase Exchange says this API key may not read balances: give the key the \"View\" permission.", cause);
        }
        if (status == 401 || status == 400 && text.contains("auth")) {
            return new CredentialsRejected(CredentialsRejected.Reason.OTHER,
                    "Coinbase Exchange refused the API key" + FailureTranslation.detail(message)
                            + ": check the key, secret and passphrase.", cause);
        }
        return FailureTranslation.fromStatus(COINBASE, status, headers, cause);
    }
}
