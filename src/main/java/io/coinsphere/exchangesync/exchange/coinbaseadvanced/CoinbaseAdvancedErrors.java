package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

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
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place Coinbase Advanced Trade's errors become our failures. Errors come as
 * {@code {"error":"UNAUTHORIZED","error_details":"...","message":"..."}} or as a bare text: 401 for any problem
 * with the JWT (unknown key, signature, expiry), 403 for a missing permission, 429 for the rate limit. The
 * detail texts are matched where they say more; a bare 401 gets the general advice.
 */
final class CoinbaseAdvancedErrors {

    private static final ExchangeId ID = ExchangeId.COINBASE_ADVANCED;

    private CoinbaseAdvancedErrors() {
    }

    /** Translates one error answer: the status first, then what the body says. */
    static ExchangeFailure fromResponse(int status, String body, Map<String, List<String>> headers) {
        if (status != 401 && status != 403) {
            return FailureTranslation.fromStatus(ID, status, headers, null);
        }
        String said = said(body);
        String text = said.toLowerCase(Locale.ROOT);
        if (status == 403) {
            return new CredentialsRejected(MISSING_PERMISSION, "Coinbase says this API key may not read balances:"
                    + " give the key the \"View\" permission in the Coinbase Developer Platform.");
        }
        if (text.contains("allowlist") || text.contains("whitelist") || text.contains("ip address")) {
            return new CredentialsRejected(IP_NOT_ALLOWED, "Coinbase refused this server's IP address: add it to the"
                    + " key's IP allowlist in the Coinbase Developer Platform, or remove the restriction.");
        }
        if (text.contains("unknown api key") || text.contains("key not found") || text.contains("invalid api key")) {
            return new CredentialsRejected(UNKNOWN_KEY, "Coinbase does not know this API key: check that the key name"
                    + " was copied completely and that the key was not deleted.");
        }
        if (text.contains("signature")) {
            return new CredentialsRejected(BAD_SIGNATURE, "Coinbase says the request signature is wrong, so the private"
                    + " key does not belong to this key name: paste the private key of the same CDP key again.");
        }
        if (text.contains("expired") || text.contains("not yet valid")) {
            return new CredentialsRejected(CLOCK_SKEW, "Coinbase rejected the request time: this server's clock differs"
                    + " from Coinbase's; the clock must be synchronised.");
        }
        return new CredentialsRejected(OTHER, "Coinbase refused the API key (HTTP 401)" + FailureTranslation.detail(said)
                + ": check that the key name and the private key belong to the same CDP key.");
    }

    /** What the body says about the error: its detail and message, or its text when it is not JSON. */
    private static String said(String body) {
        JsonNode json = ExchangeHttp.objectOrNull(body);
        if (json != null) {
            String details = json.path("error_details").asText("");
            return details.isBlank() ? json.path("message").asText("") : details;
        }
        // not JSON: a gateway's plain "Unauthorized"
        return body == null ? "" : body.strip();
    }
}
