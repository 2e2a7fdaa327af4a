package io.coinsphere.exchangesync.exchange.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesConfiguration;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code budget.shared} is bound per exchange, off by default, and refused where it cannot mean one address's budget. */
class ExchangeGuardsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(ExchangesConfiguration.class);

    @Test
    void sharedIsOffUnlessSetAndBoundPerExchange() {
        context.withPropertyValues("coinsphere.exchanges.binance.budget.shared=true").run(ctx -> {
            ExchangesProperties properties = ctx.getBean(ExchangesProperties.class);
            assertThat(properties.budget(ExchangeId.BINANCE).isShared()).isTrue();
            assertThat(properties.budget(ExchangeId.BINANCE).capacity()).isEqualTo(1000L);
            assertThat(properties.budget(ExchangeId.BYBIT).isShared()).isFalse();
            assertThat(properties.budget(ExchangeId.KRAKEN).isShared()).isFalse();
        });
    }

    @Test
    void aSharedBudgetNeedsTheDatabaseAndABudgetPerAddress() {
        context.withPropertyValues("coinsphere.exchanges.binance.budget.shared=true").run(ctx ->
                assertThatThrownBy(() -> new ExchangeGuards(ctx.getBean(ExchangesProperties.class)))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs the database"));
        context.withPropertyValues("coinsphere.exchanges.bybit.budget.shared=true").run(ctx ->
                assertThatThrownBy(() -> new ExchangeGuards(ctx.getBean(ExchangesProperties.class)))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("per-key=false"));
    }
}
