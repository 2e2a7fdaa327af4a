package io.coinsphere.exchangesync.settings;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.prices.PricesProperties;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.ApiException;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonBodies;
import io.coinsphere.exchangesync.web.JsonReplyWriter;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/me} (who am I, my settings) and {@code PATCH /api/v1/me} (change the quote currency). */
@Component
public class MeRoutes extends RouteBuilder {

    private final UserSettings settings;
    private final PricesProperties prices;
    private final JsonBodies bodies;
    private final JsonReplyWriter writer;

    public MeRoutes(UserSettings settings, PricesProperties prices, JsonBodies bodies, JsonReplyWriter writer) {
        this.settings = settings;
        this.prices = prices;
        this.bodies = bodies;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/api/v1/me").description("The signed-in user")
                .get().id("rest-me-get").description("The user's id, email and settings, with the quote currencies on offer")
                    .produces("application/json")
                    .responseMessage().code(200).message("The user").endResponseMessage()
                    .to("direct:me-get")
                .patch().id("rest-me-update").description("Change settings: quoteCurrency (USD, EUR, GBP, ...)")
                    .consumes("application/json").produces("application/json").type(MeUpdate.class)
                    .responseMessage().code(200).message("The user with the new settings").endResponseMessage()
                    .responseMessage().code(400).message("Not a quote currency on offer").responseModel(ApiError.class).endResponseMessage()
                    .to("direct:me-update");

        from("direct:me-get").routeId("me-get").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(this, "get")).bean(writer, "writeReply");
        from("direct:me-update").routeId("me-update").routeConfigurationId(RestErrorPolicy.ID)
                .setBody(method(this, "update")).bean(writer, "writeReply");
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
