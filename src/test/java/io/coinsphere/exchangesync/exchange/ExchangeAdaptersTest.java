package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.exchange.binance.BinanceAdapter;
import io.coinsphere.exchangesync.exchange.coinbase.CoinbaseAdapter;
import io.coinsphere.exchangesync.exchange.coinbaseadvanced.CoinbaseAdvancedAdapter;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.kraken.KrakenNonces;
import io.coinsphere.exchangesync.exchange.kraken.KrakenAdapter;
import io.coinsphere.exchangesync.exchange.kucoin.KucoinAdapter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ExchangeAdaptersTest {

    @EnableConfigurationProperties(ExchangesProperties.class)
    static class Config {
    }

    /** The production base URLs, as application.yaml is to set them. */
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Config.class, BinanceAdapter.class, CoinbaseAdapter.class, KrakenAdapter.class,
                    KucoinAdapter.class, CoinbaseAdvancedAdapter.class, ExchangeAdapters.class, ExchangeGuards.class)
            .withBean(KrakenNonces.class, KrakenNonces::inMemory)
            .withPropertyValues(
                    "coinsphere.exchanges.binance.base-url=https://api.binance.com",
                    "coinsphere.exchanges.coinbase.base-url=https://api.exchange.coinbase.com",
                    "coinsphere.exchanges.kraken.base-url=https://api.kraken.com",
                    "coinsphere.exchanges.kucoin.base-url=https://api.kucoin.com",
                    "coinsphere.exchanges.coinbase-advanced.base-url=https://api.coinbase.com");

    @Test
    void wiresOneAdapterPerExchangeFromProperties() {
        context.run(ctx -> {
            ExchangeAdapters adapters = ctx.getBean(ExchangeAdapters.class);
            for (ExchangeId id : ExchangeId.values()) {
                assertThat(adapters.forExchange(id).exchange()).isEqualTo(id);
            }
            assertThat(ctx.getBean(ExchangesProperties.class).readTimeout()).isEqualTo(Duration.ofSeconds(15));
        });
    }

    @Test
    void refusesAMissingOrDuplicateAdapter() {
        ExchangesProperties properties = ExchangesProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
                endpoint("https://a.example"), endpoint("https://b.example"), endpoint("https://c.example"), endpoint("https://d.example"),
                endpoint("https://e.example"), endpoint("https://f.example"));
        ExchangeGuards guards = new ExchangeGuards(properties);
        BinanceAdapter binance = new BinanceAdapter(properties, guards);
        assertThatThrownBy(() -> new ExchangeAdapters(List.of(binance))).hasMessageContaining("No adapter");
        assertThatThrownBy(() -> new ExchangeAdapters(List.of(binance, new BinanceAdapter(properties, guards))))
                .hasMessageContaining("Two adapters");
    }

    @Test
    void oneLineSecretsRefuseLineBreaksAndInnerSpacesButLoseSurroundingWhitespace() {
        ExchangesProperties properties = ExchangesProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
                endpoint("https://a.example"), endpoint("https://b.example"), endpoint("https://c.example"), endpoint("https://d.example"),
                endpoint("https://e.example"), endpoint("https://f.example"));
        BinanceAdapter binance = new BinanceAdapter(properties, new ExchangeGuards(properties));
        assertThat(binance.checkFormat(new ApiCredentials(" key ", "  secret-123  ", null)))
                .isEqualTo(new ApiCredentials("key", "secret-123", null));
        assertThatThrownBy(() -> binance.checkFormat(new ApiCredentials("key", "secret\n", null)))
                .isInstanceOfSatisfying(KeyFormatRejected.class, e -> assertThat(e.field()).isEqualTo("apiSecret"))
                .hasMessage("must not contain control characters");
        assertThatThrownBy(() -> binance.checkFormat(new ApiCredentials("key", "sec ret", null)))
                .isInstanceOf(KeyFormatRejected.class).hasMessage("must be printable ASCII");
    }

    private static ExchangesProperties.Endpoint endpoint(String url) {
        return ExchangesProperties.Endpoint.of(java.net.URI.create(url));
    }
}
