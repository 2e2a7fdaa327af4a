package io.coinsphere.exchangesync.exchange.kucoin;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_PASSPHRASE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.CLOCK_SKEW;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.IP_NOT_ALLOWED;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.KEY_VERSION;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place KuCoin's error codes ({@code {"code":"400003","msg":...}}) become our failures. */
final class KucoinErrors {

    private static final ExchangeId KUCOIN = ExchangeId.KUCOIN;

    private KucoinErrors() {
    }

    /** An error answer of any status but 200: {@code {"code":"400003","msg":...}}, or a gateway's page. */
    static ExchangeFailure fromAnswer(int status, String body, Map<String, List<String>> headers) {
        JsonNode code = ExchangeHttp.objectOrEmpty(body).path("code");
        return fromResponse(status, code.isValueNode() && !code.isNull() ? code.asText() : null, headers, null);
    }

    /** Translates one error answer: KuCoin's code first, then the HTTP status. */
    static ExchangeFailure fromResponse(int status, String code, Map<String, List<String>> headers, Throwable cause) {
        String c = code == null ? "" : code;
        return switch (c) {
            case "400001" -> new CredentialsRejected(OTHER,
                    "KuCoin says authentication headers are missing: check that the key, secret and passphrase are all set.", cause);
            case "400002" -> new CredentialsRejected(CLOCK_SKEW,
                    "KuCoin rejected the request time: this server's clock differs from KuCoin's; the clock must be synchronised.", cause);
            case "400003" -> new CredentialsRejected(UNKNOWN_KEY,
                    "KuCoin does not know this API key: check that the key exists and was copied completely.", cause);
            case "400004" -> new CredentialsRejected(BAD_PASSPHRASE,
                    "KuCoin rejected the API passphrase: enter the passphrase chosen when the key was created,"
                            + " and check the API secret too (the passphrase is sent signed with it).", cause);
            case "400005" -> new CredentialsRejected(BAD_SIGNATURE,
                    "KuCoin says the request signature is wrong, so the API secret is wrong: paste the secret again.", cause);
            case "400006" -> new CredentialsRejected(IP_NOT_ALLOWED,
                    "KuCoin refused this server's IP address: add it to the key's IP restriction list, or remove the restriction.", cause);
            case "400007" -> new CredentialsRejected(MISSING_PERMISSION,
                    "KuCoin says this API key may not read balances: give the key the \"General\" permission.", cause);
            case "400008", "400009" -> new CredentialsRejected(KEY_VERSION,
                    "KuCoin no longer accepts this kind of API key: create a new key (version 2 or later) and use it instead.", cause);
            case "429000" -> new RateLimited("KuCoin asked us to slow down (rate limit); the sync will retry later.",
                    resetAfter(headers), cause);
            default -> status == 429
                    ? new RateLimited("KuCoin asked us to slow down (rate limit); the sync will retry later.", resetAfter(headers), cause)
                    : FailureTranslation.fromStatus(KUCOIN, status, headers, cause);
        };
    }

    /** An unexpected code in an HTTP 200 answer (KuCoin sometimes reports errors that way). */
    static ExchangeFailure fromUnsuccessfulBody(String code, String message) {
        ExchangeFailure byCode = fromResponse(200, code, Map.of(), null);
        if (byCode instanceof ExchangeUnavailable) {
            return new ExchangeUnavailable("KuCoin answered with error " + FailureTranslation.safeDetail(code)
                    + FailureTranslation.detail(message) + "; the sync will retry later.");
        }
        return byCode;
    }

    /**
     * An explicit Retry-After wins; otherwise KuCoin's {@code gw-ratelimit-reset} (milliseconds until
     * the quota window resets) says how long to wait.
     */
    private static Duration resetAfter(Map<String, List<String>> headers) {
        return FailureTranslation.retryAfter(headers)
                .or(() -> FailureTranslation.header(headers, "gw-ratelimit-reset").flatMap(value -> {
                    try {
                        return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(value.trim()))));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }))
                .orElse(null);
    }
}
