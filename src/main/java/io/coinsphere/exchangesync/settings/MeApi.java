package io.coinsphere.exchangesync.settings;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.prices.PricesProperties;
import io.coinsphere.exchangesync.web.ApiException;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonBodies;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/me} (who am I, my settings) and {@code PATCH /api/v1/me} (change the quote currency); routes/me.camel.yaml. */
@Component
public class MeApi {

    private final UserSettings settings;
    private final PricesProperties prices;
    private final JsonBodies bodies;

    public MeApi(UserSettings settings, PricesProperties prices, JsonBodies bodies) {
        this.settings = settings;
        this.prices = prices;
        this.bodies = bodies;
    }

    public ApiReply get(Exchange exchange) {
        return ApiReply.ok(view(CurrentUser.id(exchange)));
    }

    public ApiReply update(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        MeUpdate update = bodies.read(exchange, MeUpdate.class);
        if (update.quoteCurrency() != null) {
            String quote = update.quoteCurrency().toUpperCase(Locale.ROOT);
            if (!prices.quoteCurrencies().contains(quote)) {
                throw ApiException.validation("quoteCurrency", "must be one of " + String.join(", ", prices.quoteCurrencies()));
            }
            if (!settings.setQuoteCurrency(userId, quote)) {
                throw ApiException.notFound("User");
            }
        }
        return ApiReply.ok(view(userId));
    }

    private Map<String, Object> view(UUID userId) {
        UserSettings.Me me = settings.find(userId).orElseThrow(() -> ApiException.notFound("User"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", me.userId());
        body.put("email", me.email());
        body.put("quoteCurrency", me.quoteCurrency());
        body.put("quoteCurrencies", prices.quoteCurrencies());
        return body;
    }
}
