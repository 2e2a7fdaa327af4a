package io.coinsphere.exchangesync.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The translation steps every exchange shares: HTTP status classes, Retry-After, transport errors.
 * Each exchange's own {@code *Errors} class handles its error codes first and falls back to these.
 */
public final class FailureTranslation {

    /** Long base64/hex runs in an exchange message could be a signature or key: never echo them. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9+/=_\\-]{20,}");
    private static final int MAX_DETAIL = 120;

    private FailureTranslation() {
    }

    /** Finds the first throwable of {@code type} in the cause chain (clients and proxies wrap). */
    public static <T extends Throwable> Optional<T> findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Translates by HTTP status alone, for answers whose body named no error we know:
     * 429/418 slow down, 5xx retry, 401/403 the key is refused, anything else is an odd answer.
     */
    public static ExchangeFailure fromStatus(ExchangeId id, int status, Map<String, List<String>> headers, Throwable cause) {
        String name = id.displayName();
        if (status == 429) {
            return new RateLimited(name + " asked us to slow down (rate limit); the sync will retry later.",
                    retryAfter(headers).orElse(null), cause);
        }
        if (status == 418) {
            return new RateLimited(name + " has temporarily banned this server's IP address for sending too many requests;"
                    + " the sync will retry after the ban.", retryAfter(headers).orElse(null), cause);
        }
        if (status >= 500) {
            return ExchangeUnavailable.outage(name + " is having problems (HTTP " + status + "); the sync will retry later.", cause);
        }
        if (status == 401) {
            return new CredentialsRejected(CredentialsRejected.Reason.OTHER,
                    name + " refused the API key (HTTP 401): check the key, secret and passphrase.", cause);
        }
        if (status == 403) {
            return new ExchangeUnavailable(name + " refused the request (HTTP 403, firewall or region block); the sync will retry later.", cause);
        }
        return new ExchangeUnavailable(name + " gave an answer we did not expect (HTTP " + status + "); the sync will retry later.", cause);
    }

    /** Translates failures below HTTP: timeouts, refused connections, TLS, unreadable bodies. */
    public static ExchangeFailure fromTransport(ExchangeId id, Throwable error) {
        String name = id.displayName();
        if (findCause(error, InterruptedIOException.class).isPresent()) {
            return ExchangeUnavailable.outage(name + " did not answer in time; the sync will retry later.", error);
        }
        if (findCause(error, ConnectException.class).isPresent()
                || findCause(error, NoRouteToHostException.class).isPresent()
                || findCause(error, UnknownHostException.class).isPresent()) {
            return ExchangeUnavailable.outage("Could not connect to " + name + "; the sync will retry later.", error);
        }
        if (findCause(error, SSLException.class).isPresent()) {
            return ExchangeUnavailable.outage("The secure connection to " + name + " failed; the sync will retry later.", error);
        }
        if (findCause(error, JsonProcessingException.class).isPresent()) {
            return new ExchangeUnavailable(name + " sent an answer we could not read; the sync will retry later.", error);
        }
        if (findCause(error, java.io.IOException.class).isPresent()) {
            return ExchangeUnavailable.outage("The connection to " + name + " failed; the sync will retry later.", error);
        }
        return new ExchangeUnavailable("Unexpected error while reading balances from " + name + "; the sync will retry later.", error);
    }

    /** Retry-After in seconds (the only form the exchanges send); absent or unreadable -> empty. */
    public static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
        return header(headers, "Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** First value of a response header, matched case-insensitively (HTTP header names are). */
    public static Optional<String> header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)
                    && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return Optional.ofNullable(entry.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * An exchange's own error text, clipped and with token-like runs removed, safe to show.
     * SECURITY: exchanges never receive our secret, but a message might echo a key or signature.
     */
    public static String safeDetail(String exchangeMessage) {
        if (exchangeMessage == null || exchangeMessage.isBlank()) {
            return "";
        }
        String redacted = TOKEN_LIKE.matcher(exchangeMessage.strip()).replaceAll("***");
        return redacted.length() <= MAX_DETAIL ? redacted : redacted.substring(0, MAX_DETAIL) + "...";
    }

    /** {@link #safeDetail} as a parenthesised suffix, or nothing when the exchange said nothing. */
    public static String detail(String exchangeMessage) {
        String safe = safeDetail(exchangeMessage);
        return safe.isEmpty() ? "" : " (\"" + safe + "\")";
    }
}
