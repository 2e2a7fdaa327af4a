package io.coinsphere.exchangesync.exchange.gemini;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.CLOCK_SKEW;
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
 * The one place Gemini's errors become our failures. Errors are {@code {"result":"error","reason":"InvalidSignature",
 * "message":"..."}}: 400 for authentication problems (InvalidApiKey, InvalidSignature, InvalidNonce, Missing*Header),
 * 403 MissingRole, 429 RateLimit, 5xx System or Maintenance. The reason decides; the status is the fallback.
 */
final class GeminiErrors {

    private static final ExchangeId ID = ExchangeId.GEMINI;

    private GeminiErrors() {
    }

    static ExchangeFailure fromResponse(int status, String body, Map<String, List<String>> headers) {
        JsonNode json = ExchangeHttp.objectOrEmpty(body);
        String reason = json.path("reason").asText("");
        String message = json.path("message").asText("");
        return switch (reason) {
            case "InvalidApiKey" -> new CredentialsRejected(UNKNOWN_KEY, "Gemini does not know this API key (InvalidApiKey):"
                    + " check that the key was copied completely and was not deleted.");
            case "InvalidSignature" -> new CredentialsRejected(BAD_SIGNATURE, "Gemini says the request signature is wrong"
                    + " (InvalidSignature), so the API secret does not belong to this key: paste the secret of the same key again.");
            // Also a time-based key's nonce more than 30 s off Gemini's clock; retried once after measuring the clock again.
            case "InvalidNonce" -> new CredentialsRejected(CLOCK_SKEW, "Gemini refused the request nonce (InvalidNonce): this"
                    + " server's clock differs from Gemini's by more than 30 seconds, or another program uses this key with"
                    + " higher nonces; synchronise the clock, and give this service a key of its own.");
            case "MissingRole" -> new CredentialsRejected(MISSING_PERMISSION, "Gemini says this API key has no role that may"
                    + " read balances (MissingRole): create a key with the Auditor role.");
            case "RateLimit", "RateLimited" -> new RateLimited("Gemini asked us to slow down (rate limit); the sync will retry later.",
                    FailureTranslation.retryAfter(headers).orElse(null));
            case "Maintenance", "System" -> ExchangeUnavailable.outage("Gemini is unavailable (" + reason + "); the sync will"
                    + " retry later.", null);
            case "" -> FailureTranslation.fromStatus(ID, status, headers, null);
            default -> status >= 500 || status == 429 ? FailureTranslation.fromStatus(ID, status, headers, null)
                    : new CredentialsRejected(OTHER, "Gemini refused the request (" + FailureTranslation.safeDetail(reason) + ")"
                            + FailureTranslation.detail(message) + ": check the API key and secret.");
        };
    }
}
