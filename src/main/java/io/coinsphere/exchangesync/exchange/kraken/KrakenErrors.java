package io.coinsphere.exchangesync.exchange.kraken;

import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.BAD_SIGNATURE;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.MISSING_PERMISSION;
import static io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason.UNKNOWN_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import si.mazi.rescu.HttpStatusIOException;

/**
 * The one place Kraken's errors become our failures. Kraken reports errors as strings in the
 * JSON {@code error} array ({@code "EAPI:Invalid key"}), usually with HTTP 200.
 */
final class KrakenErrors {

    private static final ExchangeId KRAKEN = ExchangeId.KRAKEN;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Unverified: Kraken documents the lockout but not its length; 15 minutes is the common report. */
    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    private KrakenErrors() {
    }

    /** Translates anything a Kraken call threw. */
    public static ExchangeFailure translate(Throwable error) {
        Optional<ExchangeFailure> known = FailureTranslation.findCause(error, ExchangeFailure.class);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<HttpStatusIOException> http = FailureTranslation.findCause(error, HttpStatusIOException.class);
        if (http.isPresent()) {
            HttpStatusIOException e = http.get();
            List<String> errors = errorsIn(e.getHttpBody());
            if (e.getHttpStatusCode() != 429 && e.getHttpStatusCode() < 500 && !errors.isEmpty()) {
                return fromErrors(errors, Instant.now(), e);
            }
            return FailureTranslation.fromStatus(KRAKEN, e.getHttpStatusCode(), e.getResponseHeaders(), e);
        }
        return FailureTranslation.fromTransport(KRAKEN, error);
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

    /** The error strings in a Kraken body, or none if it is not Kraken's JSON (an HTML error page ...). */
    static List<String> errorsIn(String body) {
        List<String> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return errors;
        }
        try {
            JsonNode array = JSON.readTree(body).path("error");
            array.forEach(node -> {
                if (node.isTextual() && node.asText().startsWith("E")) {
                    errors.add(node.asText());
                }
            });
        } catch (Exception e) {
            // Not JSON: the caller falls back to the HTTP status.
        }
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
