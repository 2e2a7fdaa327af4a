package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.exchange.binance.BinanceAdapter;
import io.coinsphere.exchangesync.exchange.bitstamp.BitstampAdapter;
import io.coinsphere.exchangesync.exchange.coinbase.CoinbaseAdapter;
import io.coinsphere.exchangesync.exchange.coinbaseadvanced.CoinbaseAdvancedAdapter;
import io.coinsphere.exchangesync.exchange.gemini.GeminiAdapter;
import io.coinsphere.exchangesync.exchange.gemini.GeminiNonces;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.kraken.KrakenNonces;
import io.coinsphere.exchangesync.exchange.kraken.KrakenAdapter;
import io.coinsphere.exchangesync.exchange.kucoin.KucoinAdapter;
import io.coinsphere.exchangesync.exchange.okx.OkxAdapter;
import io.coinsphere.exchangesync.exchange.bybit.BybitAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ExchangeAdaptersTest {

    /** The production base URLs are the registry's defaults; one set here wins over its default. */
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ExchangesConfiguration.class, BinanceAdapter.class, CoinbaseAdapter.class, KrakenAdapter.class,
                    KucoinAdapter.class, CoinbaseAdvancedAdapter.class, OkxAdapter.class, BybitAdapter.class, BitstampAdapter.class,
                    GeminiAdapter.class, ExchangeAdapters.class, ExchangeGuards.class)
            .withBean(KrakenNonces.class, KrakenNonces::inMemory)
            .withBean(GeminiNonces.class, GeminiNonces::inMemory)
            .withPropertyValues("coinsphere.exchanges.kraken.base-url=https://kraken.example",
                    "coinsphere.exchanges.coinbase-advanced.budget.capacity=7");

    @Test
    void wiresOneAdapterPerExchangeFromProperties() {
        context.run(ctx -> {
            ExchangeAdapters adapters = ctx.getBean(ExchangeAdapters.class);
            for (ExchangeId id : ExchangeId.values()) {
                assertThat(adapters.forExchange(id).exchange()).isEqualTo(id);
            }
            ExchangesProperties properties = ctx.getBean(ExchangesProperties.class);
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(properties.endpoint(ExchangeId.BINANCE).baseUrl()).hasToString("https://api.binance.com");
            assertThat(properties.endpoint(ExchangeId.KRAKEN).baseUrl()).hasToString("https://kraken.example");
            assertThat(properties.budget(ExchangeId.COINBASE_ADVANCED))
                    .isEqualTo(new ExchangesProperties.Budget(7L, 15L, Duration.ofSeconds(1), true));
        });
    }

    @Test
    void refusesAMissingOrDuplicateAdapter() {
        ExchangesProperties properties = ExchangesProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Map.of(ExchangeId.BINANCE, endpoint("https://a.example")));
        ExchangeGuards guards = new ExchangeGuards(properties);
        BinanceAdapter binance = new BinanceAdapter(properties, guards);
        assertThatThrownBy(() -> new ExchangeAdapters(List.of(binance))).hasMessageContaining("No adapter");
        assertThatThrownBy(() -> new ExchangeAdapters(List.of(binance, new BinanceAdapter(properties, guards))))
                .hasMessageContaining("Two adapters");
    }

    @Test
    void oneLineSecretsRefuseLineBreaksAndInnerSpacesButLoseSurroundingWhitespace() {
        ExchangesProperties properties = ExchangesProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Map.of(ExchangeId.BINANCE, endpoint("https://a.example")));
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
