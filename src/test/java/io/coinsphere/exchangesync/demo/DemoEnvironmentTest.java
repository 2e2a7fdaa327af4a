package io.coinsphere.exchangesync.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DemoEnvironmentTest {

    private final DemoEnvironment demo = new DemoEnvironment();

    @Test
    void pointsTheExchangesAtTheEmulatorPorts() {
        MockEnvironment env = new MockEnvironment().withProperty("coinsphere.demo", "true")
                .withProperty("coinsphere.demo.port-base", "4100");
        demo.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("coinsphere.exchanges.binance.base-url")).isEqualTo("http://127.0.0.1:4100");
        assertThat(env.getProperty("coinsphere.exchanges.coinbase.base-url")).isEqualTo("http://127.0.0.1:4101");
        assertThat(env.getProperty("coinsphere.exchanges.kraken.base-url")).isEqualTo("http://127.0.0.1:4102");
        assertThat(env.getProperty("coinsphere.exchanges.kucoin.base-url")).isEqualTo("http://127.0.0.1:4103");
        assertThat(env.getProperty("coinsphere.exchanges.coinbase-advanced.base-url")).isEqualTo("http://127.0.0.1:4104");
        assertThat(env.getProperty("coinsphere.demo.enabled")).isEqualTo("true");
    }

    @Test
    void refusesAnExternalDatabase() {
        MockEnvironment env = new MockEnvironment().withProperty("coinsphere.demo", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.com/prod");
        assertThatThrownBy(() -> demo.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded database");
    }

    @Test
    void staysOffUnlessAskedFor() {
        MockEnvironment env = new MockEnvironment().withProperty("coinsphere.exchanges.binance.base-url", "https://api.binance.com");
        demo.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("coinsphere.exchanges.binance.base-url")).isEqualTo("https://api.binance.com");
        assertThat(env.getProperty("coinsphere.demo.enabled")).isNull();
    }
}
