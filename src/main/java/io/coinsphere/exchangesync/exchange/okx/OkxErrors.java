package io.coinsphere.exchangesync.exchange.okx;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_PASSPHRASE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.CLOCK_SKEW;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.IP_NOT_ALLOWED;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.MISSING_PERMISSION;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.UNKNOWN_KEY;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.util.List;
import java.util.Map;

/**
 * The one place OKX's errors become our failures. OKX answers {@code {"code":"50113","msg":"Invalid Sign","data":[]}},
 * with HTTP 401 for key problems and 429 for its rate limit; the code says which problem it is.
 */
final class OkxErrors {

    private static final ExchangeId ID = ExchangeId.OKX;

    private OkxErrors() {
    }

    /** Translates one error answer by its OKX code, falling back to the HTTP status. */
    static ExchangeFailure fromResponse(int status, String code, String message, Map<String, List<String>> headers) {
        if (code == null) {
            return FailureTranslation.fromStatus(ID, status == 200 ? 502 : status, headers, null);
        }
        return switch (code) {
            case "50103", "50111" -> new CredentialsRejected(UNKNOWN_KEY, "OKX does not know this API key: check that it was"
                    + " copied completely and that it was not deleted.");
            case "50106", "50113" -> new CredentialsRejected(BAD_SIGNATURE, "OKX says the request signature is wrong:"
                    + " the secret key does not belong to this API key; paste the secret key again.");
            case "50104", "50105" -> new CredentialsRejected(BAD_PASSPHRASE, "OKX says the passphrase is wrong: enter the"
                    + " passphrase you chose when you created this API key.");
            case "50102", "50107", "50112" -> new CredentialsRejected(CLOCK_SKEW, "OKX rejected the request time: this"
                    + " server's clock differs from OKX's; the clock must be synchronised.");
            case "50110" -> new CredentialsRejected(IP_NOT_ALLOWED, "OKX refused this server's IP address: add it to the"
                    + " key's IP allowlist on OKX, or remove the restriction.");
            case "50030", "50120" -> new CredentialsRejected(MISSING_PERMISSION, "OKX says this API key may not read"
                    + " balances: give it the \"Read\" permission.");
            case "50011", "50061" -> new RateLimited("OKX asked us to slow down (rate limit); the sync will retry later.",
                    FailureTranslation.retryAfter(headers).orElse(null));
            case "50001", "50004", "50013", "50026" -> ExchangeUnavailable.outage("OKX is having problems (code " + code
                    + "); the sync will retry later.", null);
            default -> status == 200 || status == 400
                    ? new ExchangeUnavailable("OKX refused the request (code " + code + ")" + FailureTranslation.detail(message)
                            + "; the sync will retry later.")
                    : FailureTranslation.fromStatus(ID, status, headers, null);
        };
    }
}
