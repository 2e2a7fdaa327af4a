package io.coinsphere.exchangesync.connect;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeAdapters;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.KeyFormatRejected;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Asks the exchange whether it accepts a key and what the key may do, and answers in the API's
 * error vocabulary. SECURITY: a key that can withdraw is refused unless the operator allows it
 * ({@code coinsphere.security.allow-withdraw-keys}); one that can trade is accepted with a warning.
 */
@Component
public class CredentialsCheck {

    /** The verdict on a key: its permissions and any warnings for the user. */
    public record KeyCheck(KeyPermissions permissions, List<String> warnings) {

        /** The warnings as one sentence for the connection's last_error, or null. */
        public String warningText() {
            return warnings.isEmpty() ? null : String.join(" ", warnings);
        }
    }

    private final ExchangeAdapters adapters;
    private final boolean allowWithdrawKeys;

    public CredentialsCheck(ExchangeAdapters adapters,
            @Value("${coinsphere.security.allow-withdraw-keys:false}") boolean allowWithdrawKeys) {
        this.adapters = adapters;
        this.allowWithdrawKeys = allowWithdrawKeys;
    }

    /**
     * The key in the form the exchange needs, checked for shape before any call: a key that cannot be right
     * (a malformed CDP key name, an unreadable private key, a line break in a one-line secret) is a 400
     * naming the field.
     */
    public ApiCredentials checkFormat(ExchangeId exchange, ApiCredentials credentials) {
        try {
            return adapters.forExchange(exchange).checkFormat(credentials);
        } catch (KeyFormatRejected e) {
            throw ApiException.validation(e.field(), e.getMessage());
        }
    }

    public KeyCheck verify(ExchangeId exchange, ApiCredentials credentials) {
        ExchangeAdapter adapter = adapters.forExchange(exchange);
        KeyPermissions permissions;
        try {
            adapter.testCredentials(credentials);
            permissions = adapter.checkPermissions(credentials);
        } catch (ExchangeFailure failure) {
            throw toApiException(exchange, failure);
        }
        List<String> warnings = new ArrayList<>();
        if (permissions.withdraw()) {
            if (!allowWithdrawKeys) {
                throw new ApiException(422, "key_not_read_only", exchange.displayName()
                        + " says this API key can withdraw funds. Create a key with read (view) permission only;"
                        + " Coinsphere never needs to move funds.", List.of(new ApiError.FieldError("apiKey", "can withdraw")), null);
            }
            warnings.add("This " + exchange.displayName() + " API key can withdraw funds; a read-only key is safer.");
        }
        if (permissions.trade()) {
            warnings.add("This " + exchange.displayName() + " API key can trade; a read-only key is safer.");
        }
        return new KeyCheck(permissions, List.copyOf(warnings));
    }

    /** 422 when the exchange refused the key, 429 when it throttles us, 502 when it could not answer. */
    static ApiException toApiException(ExchangeId exchange, ExchangeFailure failure) {
        if (failure instanceof CredentialsRejected rejected) {
            return new ApiException(422, "invalid_credentials", rejected.getMessage(),
                    List.of(new ApiError.FieldError("reason", rejected.reason().name().toLowerCase(Locale.ROOT))), null);
        }
        if (failure instanceof RateLimited limited) {
            return new ApiException(429, "rate_limited",
                    exchange.displayName() + " is rate limiting requests; try again later", List.of(), limited.retryAfter());
        }
        return new ApiException(502, "exchange_unavailable",
                exchange.displayName() + " could not be reached: " + failure.getMessage(), List.of(), null);
    }
}
