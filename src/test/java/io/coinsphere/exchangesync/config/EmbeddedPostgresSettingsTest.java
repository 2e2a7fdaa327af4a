package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedPostgresSettingsTest {

    @Test
    void durableByDefault() {
        assertThat(EmbeddedPostgresConfiguration.postgresSettings(new MockEnvironment()))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("fsync", "on", "synchronous_commit", "on"));
    }

    @Test
    void testsAndTheBenchmarkMayTurnDurabilityOff() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("coinsphere.embedded.postgres-settings.fsync", "off")
                .withProperty("coinsphere.embedded.postgres-settings.synchronous_commit", "off");
        assertThat(EmbeddedPostgresConfiguration.postgresSettings(environment))
                .containsEntry("fsync", "off").containsEntry("synchronous_commit", "off").hasSize(2);
    }

    @Test
    void serverSettingNamesKeepTheirUnderscoresAndDots() {
        // As an operator passes them on the command line: with and without brackets.
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                "--coinsphere.embedded.postgres-settings.shared_preload_libraries=pg_stat_statements",
                "--coinsphere.embedded.postgres-settings.pg_stat_statements.track_planning=on",
                "--coinsphere.embedded.postgres-settings[work_mem]=8MB"));

        assertThat(EmbeddedPostgresConfiguration.postgresSettings(environment))
                .containsEntry("shared_preload_libraries", "pg_stat_statements")
                .containsEntry("pg_stat_statements.track_planning", "on")
                .containsEntry("work_mem", "8MB")
                .containsEntry("fsync", "on")
                .hasSize(5);
    }
}
