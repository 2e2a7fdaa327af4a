package io.coinsphere.exchangesync.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

    @Test
    void boundsThePoolTheConnectionAndEveryAnswer() {
        try (HikariDataSource hikari = new HikariDataSource()) {
            DatabaseTimeouts.apply(hikari, Duration.ofSeconds(5));

            assertThat(hikari.getConnectionTimeout()).isEqualTo(5000);
            assertThat(hikari.getValidationTimeout()).isLessThan(5000);
            assertThat(hikari.getDataSourceProperties()).containsEntry("socketTimeout", "5")
                    .containsEntry("connectTimeout", "5").containsEntry("loginTimeout", "5");
        }
    }

    @Test
    void keepsWhatTheOperatorChose() {
        try (HikariDataSource hikari = new HikariDataSource()) {
            hikari.setConnectionTimeout(12_000);
            hikari.addDataSourceProperty("socketTimeout", "60");

            DatabaseTimeouts.apply(hikari, Duration.ofSeconds(5));

            assertThat(hikari.getConnectionTimeout()).isEqualTo(12_000);
            assertThat(hikari.getDataSourceProperties()).containsEntry("socketTimeout", "60");
        }
    }
}
