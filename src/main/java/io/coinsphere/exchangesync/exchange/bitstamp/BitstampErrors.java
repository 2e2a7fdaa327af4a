package io.coinsphere.exchangesync.exchange.bitstamp;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.CLOCK_SKEW;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.IP_NOT_ALLOWED;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.MISSING_PERMISSION;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.OTHER;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.UNKNOWN_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import java.util.List;
import java.util.Map;

/**
 * The one place Bitstamp's errors become our failures. Authentication errors come as
 * {@code {"status":"error","reason":"Invalid signature","code":"API0005"}} (HTTP 403); other errors carry a
 * {@code response_code} such as {@code 400.002} (rate limit). The code decides; the status is the fallback.
 */
final class BitstampErrors {

    private static final ExchangeId ID = ExchangeId.BITSTAMP;

    private BitstampErrors() {
    }

    static ExchangeFailure fromResponse(int status, String body, Map<String, List<String>> headers) {
        JsonNode json = ExchangeHttp.objectOrEmpty(body);
        String code = json.path("code").asText("");
        String responseCode = json.path("response_code").asText("");
        String reason = json.path("reason").isTextual() ? json.path("reason").asText() : json.path("response_explanation").asText("");
        if (!code.isEmpty()) {
            return fromCode(code, reason);
        }
        if ("400.002".equals(responseCode)) {
            return new RateLimited("Bitstamp asked us to slow down (rate limit); the sync will retry later.",
                    FailureTranslation.retryAfter(headers).orElse(null));
        }
        if (status == 200) {
            return new ExchangeUnavailable("Bitstamp refused the request" + FailureTranslation.detail(reason)
                    + "; the sync will retry later.");
        }
        return FailureTranslation.fromStatus(ID, status, headers, null);
    }

    /** Bitstamp's documented authentication errors, API0001 to API0021. */
    static ExchangeFailure fromCode(String code, String reason) {
        return switch (code) {
            case "API0001", "API0008", "API0011" -> new CredentialsRejected(UNKNOWN_KEY, "Bitstamp does not know this API key"
                    + " (" + code + "): check that the key was copied completely, was activated from the e-mail Bitstamp"
                    + " sent, and was not deleted.");
            case "API0002" -> new CredentialsRejected(IP_NOT_ALLOWED, "Bitstamp refused this server's IP address (API0002):"
                    + " add it to the key's IP whitelist in Bitstamp's API access settings, or remove the restriction.");
            case "API0003" -> new CredentialsRejected(MISSING_PERMISSION, "Bitstamp says this API key may not read balances"
                    + " (API0003): create a key with the \"Account balance\" permission.");
            case "API0005" -> new CredentialsRejected(BAD_SIGNATURE, "Bitstamp says the request signature is wrong"
                    + " (API0005), so the API secret does not belong to this key: paste the secret of the same key again.");
            case "API0017", "API0018" -> new CredentialsRejected(CLOCK_SKEW, "Bitstamp rejected the request time (" + code
                    + "): this server's clock differs from Bitstamp's by more than 150 seconds; the clock must be synchronised.");
            case "API0006" -> new CredentialsRejected(OTHER, "Bitstamp says the account is frozen (API0006): contact"
                    + " Bitstamp's support to unfreeze it.");
            case "API0009" -> new CredentialsRejected(OTHER, "Bitstamp wants the account's FATCA information before the API"
                    + " can be used (API0009): fill in the form in your Bitstamp account.");
            // A nonce repeated within 150 s: ours are random UUIDs, so this is a replay or a glitch; try again later.
            case "API0004" -> new ExchangeUnavailable("Bitstamp refused a repeated request nonce (API0004); the sync will"
                    + " retry later.");
            default -> new CredentialsRejected(OTHER, "Bitstamp refused the request (" + code + ")"
                    + FailureTranslation.detail(reason) + ": check the API key and secret.");
        };
    }
}
