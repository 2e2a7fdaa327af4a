package io.coinsphere.exchangesync.exchange.binance;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.CLOCK_SKEW;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.MISSING_PERMISSION;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.UNKNOWN_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import java.util.List;
import java.util.Map;

/** The one place Binance's error codes become our failures. */
final class BinanceErrors {

    private static final ExchangeId BINANCE = ExchangeId.BINANCE;

    private BinanceErrors() {
    }

    /** An error answer of any status but 200: {@code {"code":-2015,"msg":...}}, or a proxy's page (the status decides). */
    static ExchangeFailure fromAnswer(int status, String body, Map<String, List<String>> headers) {
        JsonNode error = ExchangeHttp.objectOrEmpty(body).path("code");
        return fromResponse(status, error.canConvertToInt() ? error.asInt() : 0, headers, null);
    }

    /** Translates one error answer: Binance's code first, then the HTTP status. */
    static ExchangeFailure fromResponse(int status, int code, Map<String, List<String>> headers, Throwable cause) {
        return switch (code) {
            case -2015 -> new CredentialsRejected(UNKNOWN_KEY,
                    "Binance rejected this API key: check that the key exists and is not deleted, that \"Enable Reading\""
                            + " is on, and, if the key is restricted to trusted IPs, that this server's IP is on the list.", cause);
            case -2014 -> new CredentialsRejected(UNKNOWN_KEY,
                    "Binance does not recognise this API key (wrong format): paste the key again exactly as Binance shows it.", cause);
            case -1022 -> new CredentialsRejected(BAD_SIGNATURE,
                    "Binance says the request signature is wrong, so the API secret is wrong: paste the secret again.", cause);
            case -1021 -> new CredentialsRejected(CLOCK_SKEW,
                    "Binance rejected the request time: this server's clock differs from Binance's; the clock must be synchronised.", cause);
            case -1002 -> new CredentialsRejected(MISSING_PERMISSION,
                    "Binance says this API key may not read the account: enable \"Enable Reading\" on the key.", cause);
            case -1003 -> status == 418
                    ? FailureTranslation.fromStatus(BINANCE, status, headers, cause)
                    : new RateLimited("Binance asked us to slow down (request weight limit); the sync will retry later.",
                            FailureTranslation.retryAfter(headers).orElse(null), cause);
            default -> FailureTranslation.fromStatus(BINANCE, status, headers, cause);
        };
    }
}
