package io.coinsphere.exchangesync.connect;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeAdapters;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.ApiException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Asks the exchange whether it accepts a key, and answers in the API's error vocabulary. */
@Component
public class CredentialsCheck {

    private final ExchangeAdapters adapters;

    public CredentialsCheck(ExchangeAdapters adapters) {
        this.adapters = adapters;
    }

    public void verify(ExchangeId exchange, ApiCredentials credentials) {
        try {
            adapters.forExchange(exchange).testCredentials(credentials);
        } catch (ExchangeFailure failure) {
            throw toApiException(exchange, failure);
        }
    }

    /** 422 when the exchange refused the key, 429 when it throttles us, 502 when it could not answer. */
    static ApiException toApiException(ExchangeId exchange, ExchangeFailure failure) {
        if (failure instanceof CredentialsRejected rejected) {
            return new ApiException(422, "invalid_credentials", rejected.getMessage(),
                    List.of(new ApiError.FieldError("reason", rejected.reason().name().toLowerCase(java.util.Locale.ROOT))), null);
        }
        if (failure instanceof RateLimited limited) {
            return new ApiException(429, "rate_limited",
                    exchange.displayName() + " is rate limiting requests; try again later", List.of(), limited.retryAfter());
        }
        return new ApiException(502, "exchange_unavailable",
                exchange.displayName() + " could not be reached: " + failure.getMessage(), List.of(), null);
    }
}
