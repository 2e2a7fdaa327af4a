package io.coinsphere.exchangesync.exchange.bybit;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The one place Bybit's errors become our failures. Bybit answers HTTP 200 with
 * {@code {"retCode":10004,"retMsg":"Error sign...","result":{},...}}; the code says which problem it is.
 * An address over the 600 requests per 5 s limit gets HTTP 403 ("access too frequent") and waits 10 minutes.
 */
final class BybitErrors {

    static final String RESET_HEADER = "X-Bapi-Limit-Reset-Timestamp";
    /** Bybit: "terminate all HTTP sessions and wait for at least 10 minutes". */
    static final Duration ADDRESS_BAN = Duration.ofMinutes(10);
    private static final ExchangeId ID = ExchangeId.BYBIT;

    private BybitErrors() {
    }

    /**
     * Translates one error answer by its {@code retCode}, falling back to the HTTP status.
     *
     * @param serverNow Bybit's clock, against which the reset timestamp of a rate limit is read
     */
    static ExchangeFailure fromResponse(int status, Integer code, String message, Map<String, List<String>> headers,
            LongSupplier serverNow) {
        if (code == null) {
            if (status == 403) {
                return RateLimited.wholeAddress("Bybit refused this server's address for sending too many requests (HTTP 403);"
                        + " the sync will retry after the " + ADDRESS_BAN.toMinutes() + " minute block.", ADDRESS_BAN);
            }
            return FailureTranslation.fromStatus(ID, status == 200 ? 502 : status, headers, null);
        }
        return switch (code) {
            case 10003, 33004 -> new CredentialsRejected(UNKNOWN_KEY, code == 33004
                    ? "Bybit says this API key has expired: create a new read-only key on Bybit."
                    : "Bybit does not know this API key: check that it was copied completely, that it was not deleted, and that"
                            + " it is a key of bybit.com (not of the testnet or a demo account).");
            case 10004 -> new CredentialsRejected(BAD_SIGNATURE, "Bybit says the request signature is wrong: the API secret"
                    + " does not belong to this API key; paste the secret again.");
            case 10002 -> new CredentialsRejected(CLOCK_SKEW, "Bybit rejected the request time: this server's clock differs"
                    + " from Bybit's by more than the 5 s receive window; the clock must be synchronised.");
            case 10010 -> new CredentialsRejected(IP_NOT_ALLOWED, "Bybit refused this server's IP address: add it to the"
                    + " key's IP restriction on Bybit, or remove the restriction.");
            case 10005 -> new CredentialsRejected(MISSING_PERMISSION, "Bybit says this API key may not read balances:"
                    + " give it the \"Read-Only\" permission.");
            case 10006, 10018 -> new RateLimited("Bybit asked us to slow down (rate limit); the sync will retry later.",
                    reset(headers, serverNow).orElse(null));
            case 10000, 10016 -> ExchangeUnavailable.outage("Bybit is having problems (code " + code
                    + "); the sync will retry later.", null);
            default -> status == 200 || status == 400
                    ? new ExchangeUnavailable("Bybit refused the request (code " + code + ")" + FailureTranslation.detail(message)
                            + "; the sync will retry later.")
                    : FailureTranslation.fromStatus(ID, status, headers, null);
        };
    }

    /**
     * How long until the limit resets: {@code X-Bapi-Limit-Reset-Timestamp} is a time in milliseconds on Bybit's
     * clock (a Retry-After in seconds, which Bybit does not send, would win). Empty when neither is readable.
     */
    static Optional<Duration> reset(Map<String, List<String>> headers, LongSupplier serverNow) {
        Optional<Duration> stated = FailureTranslation.retryAfter(headers);
        if (stated.isPresent()) {
            return stated;
        }
        return FailureTranslation.header(headers, RESET_HEADER).flatMap(value -> {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(value.trim()) - serverNow.getAsLong())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
