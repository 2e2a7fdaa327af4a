package io.coinsphere.exchangesync.exchange;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where each exchange's REST API lives and how long we wait for it ({@code coinsphere.exchanges.*}). */
@Validated
@ConfigurationProperties(prefix = "coinsphere.exchanges")
public record ExchangesProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @NotNull Endpoint binance,
        @NotNull Endpoint coinbase,
        @NotNull Endpoint kraken,
        @NotNull Endpoint kucoin) {

    /** One exchange's REST base URL, e.g. {@code https://api.binance.com}. */
    public record Endpoint(@NotNull URI baseUrl) {
    }

    public Endpoint endpoint(ExchangeId id) {
        return switch (id) {
            case BINANCE -> binance;
            case COINBASE -> coinbase;
            case KRAKEN -> kraken;
            case KUCOIN -> kucoin;
        };
    }
}
