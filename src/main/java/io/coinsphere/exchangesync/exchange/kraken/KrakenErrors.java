package io.coinsphere.exchangesync.exchange.kraken;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.MISSING_PERMISSION;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place Kraken's errors become our failures. Kraken reports errors as strings in the
 * JSON {@code error} array ({@code "EAPI:Invalid key"}), usually with HTTP 200.
 */
final class KrakenErrors {

    private static final ExchangeId KRAKEN = ExchangeId.KRAKEN;
    /** Unverified: Kraken documents the lockout but not its length; 15 minutes is the common report. */
    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    private KrakenErrors() {
    }

    /** An answer of any status but 200: Kraken's own errors where it sent them, otherwise the status decides. */
    static ExchangeFailure fromAnswer(int status, String body, Map<String, List<String>> headers) {
        List<String> errors = errorsIn(ExchangeHttp.objectOrEmpty(body));
        if (status != 429 && status < 500 && !errors.isEmpty()) {
            return fromErrors(errors, Instant.now(), null);
        }
        return FailureTranslation.fromStatus(KRAKEN, status, headers, null);
    }

    /** Translates a non-empty {@code error} array; the first error Kraken lists decides. */
    static ExchangeFailure fromErrors(List<String> errors, Instant now, Throwable cause) {
        String first = errors.isEmpty() ? "" : errors.get(0).trim();
        if (first.startsWith("EAPI:Invalid key")) {
            return new CredentialsRejected(UNKNOWN_KEY,
                    "Kraken does not know this API key: check that the key exists and was copied completely.", cause);
        }
        if (first.startsWith("EAPI:Invalid signature")) {
            return new CredentialsRejected(BAD_SIGNATURE,
                    "Kraken says the request signature is wrong, so the API private key (secret) is wrong: paste it again.", cause);
        }
        if (first.startsWith("EGeneral:Permission denied")) {
            return new CredentialsRejected(MISSING_PERMISSION,
                    "Kraken says this API key may not read balances: enable the \"Funds - Query\" permission on the key.", cause);
        }
        if (first.startsWith("EAPI:Invalid nonce")) {
            // Transient: a concurrent use of the key elsewhere raced us; if it persists, the key is shared.
            return new ExchangeUnavailable("Kraken rejected the request nonce: this API key is probably also used by another"
                    + " application; the sync will retry, and a key used only by Coinsphere avoids this.", cause);
        }
        if (first.startsWith("EAPI:Rate limit exceeded")) {
            return new RateLimited("Kraken asked us to slow down (API rate limit); the sync will retry later.", null, cause);
        }
        if (first.startsWith("EService:Throttled")) {
            return new RateLimited("Kraken is throttling this API key; the sync will retry later.", throttledUntil(first, now), cause);
        }
        if (first.startsWith("EGeneral:Temporary lockout")) {
            return new RateLimited("Kraken has temporarily locked this API key after too many failed or rapid requests;"
                    + " the sync will retry later.", LOCKOUT, cause);
        }
        if (first.startsWith("EService:") || first.startsWith("EGeneral:Internal error")) {
            return ExchangeUnavailable.outage("Kraken is having problems" + FailureTranslation.detail(first)
                    + "; the sync will retry later.", cause);
        }
        return new ExchangeUnavailable("Kraken refused the request" + FailureTranslation.detail(first)
                + "; the sync will retry later.", cause);
    }

    /** The error strings of a Kraken answer ({@code "error":["EAPI:Invalid key"]}); warnings (W...) are not errors. */
    static List<String> errorsIn(JsonNode answer) {
        List<String> errors = new ArrayList<>();
        answer.path("error").forEach(node -> {
            if (node.isTextual() && node.asText().startsWith("E")) {
                errors.add(node.asText());
            }
        });
        return errors;
    }

    /** {@code EService:Throttled:<unix seconds>} names when the throttle ends. */
    private static Duration throttledUntil(String error, Instant now) {
        try {
            long until = Long.parseLong(error.substring(error.lastIndexOf(':') + 1).trim());
            Duration wait = Duration.between(now, Instant.ofEpochSecond(until));
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
